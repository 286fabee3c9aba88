using Spectre.Console;

namespace CampaignGrains.Cli.Events;

/// <summary>Sends batches one after the other, with a progress bar when a person is watching: ingest and simulate alike.</summary>
internal static class IngestRun
{
    /// <param name="pacing">Holds each batch back to a rate; null sends as fast as the cluster answers.</param>
    public static async Task SendAllAsync(
        Terminal terminal, BatchSender sender, IEnumerable<OutgoingBatch> batches, long totalEvents, string description,
        TokenBucket? pacing, IngestTally tally, CancellationToken cancellationToken)
    {
        async Task Send(Action<int> advance)
        {
            foreach (var batch in batches)
            {
                if (pacing is not null) await pacing.TakeAsync(batch.Events.Count, cancellationToken);
                tally.Add(batch, await sender.SendAsync(batch, cancellationToken));
                advance(batch.Events.Count);
            }
        }

        if (!terminal.IsInteractive)
        {
            await Send(_ => { });
            return;
        }
        await terminal.Console.Progress().AutoClear(false).StartAsync(async progress =>
        {
            var task = progress.AddTask(Markup.Escape(description), maxValue: Math.Max(1, totalEvents));
            await Send(events => task.Increment(events));
        });
    }
}
