using System.Runtime.CompilerServices;
using Spectre.Console;

namespace CampaignGrains.Cli.Events;

/// <summary>
/// Sends batches with several in flight at once, with a progress bar when a person is watching: ingest and simulate
/// alike. Their order does not matter to the server: counts add up in any order and each batch is idempotent by its key.
/// </summary>
internal static class IngestRun
{
    /// <param name="parallel">
    /// Batches in flight at once. The source is read only as fast as they complete, so about this many batches are in memory.
    /// </param>
    /// <param name="pacing">Holds each batch back to a rate; null sends as fast as the cluster answers.</param>
    public static async Task SendAllAsync(
        Terminal terminal, BatchSender sender, IAsyncEnumerable<OutgoingBatch> batches, int parallel, TokenBucket? pacing,
        RunProgress progress, IngestTally tally, CancellationToken cancellationToken)
    {
        var source = pacing is null ? batches : Paced(batches, pacing, cancellationToken);
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken };

        // The first failure (once BatchSender's retries are spent) cancels the batches still in flight and stops the
        // reading, and it is the one the await throws: the cancellations it causes are recorded after it.
        Task Send(Action completed) => Parallel.ForEachAsync(source, options, async (batch, token) =>
        {
            tally.Add(batch, await sender.SendAsync(batch, token));
            completed();
        });

        if (!terminal.IsInteractive)
        {
            await Send(() => { });
            return;
        }
        await terminal.Console.Progress().AutoClear(false).StartAsync(async display =>
        {
            var bar = display.AddTask(Markup.Escape(progress.Description), maxValue: Math.Max(1, progress.Total));
            // Sends complete on several threads: one at a time, so the bar never steps back to an older reading.
            var gate = new Lock();
            await Send(() =>
            {
                lock (gate) bar.Value = progress.Done();
            });
        });
    }

    /// <summary>The source is read by one worker at a time, so the bucket (not thread-safe) paces batches in the order they leave.</summary>
    private static async IAsyncEnumerable<OutgoingBatch> Paced(
        IAsyncEnumerable<OutgoingBatch> batches, TokenBucket pacing, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var batch in batches.WithCancellation(cancellationToken))
        {
            await pacing.TakeAsync(batch.Events.Count, cancellationToken);
            yield return batch;
        }
    }
}
