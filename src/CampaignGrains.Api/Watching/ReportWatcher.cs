using CampaignGrains.Api.Services;
using V1 = CampaignGrains.Api.V1;

namespace CampaignGrains.Api.Watching;

/// <summary>
/// Streams a campaign's report: a snapshot at once, then one after each change of its grains, never
/// more often than the throttle allows. Changes during the wait are coalesced into the next snapshot.
/// </summary>
internal sealed class ReportWatcher(ReportReader reader, WatchThrottle throttle)
{
    /// <summary>Below Orleans' 30-second response timeout: an idle grain answers and is asked again.</summary>
    private static readonly TimeSpan LongPoll = TimeSpan.FromSeconds(15);

    public async Task WatchAsync(ReportReader.Target target, V1.Tab[] tabs, IServerStreamWriter<V1.Report> stream, CancellationToken cancellationToken)
    {
        await reader.EnsureExistsAsync(target, cancellationToken);
        var grains = reader.GrainsOf(target, tabs);
        while (!cancellationToken.IsCancellationRequested)
        {
            // Versions are read before the report, so a change made while it is read triggers another snapshot.
            var versions = await Task.WhenAll(grains.Select(grain => grain.WaitForChangeAsync(long.MinValue, TimeSpan.Zero, cancellationToken)));
            await stream.WriteAsync(await reader.ReportAsync(target, tabs, cancellationToken), cancellationToken);
            var sent = throttle.Now;
            await WaitForChangeAsync(grains, versions, cancellationToken);
            await throttle.WaitTurnAsync(sent, cancellationToken);
        }
    }

    /// <summary>Returns when any of the grains changed; the long polls still open on the others are cancelled.</summary>
    private static async Task WaitForChangeAsync(IStatisticsGrain[] grains, long[] versions, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var round = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var waits = grains.Select((grain, i) => (Index: i, Task: grain.WaitForChangeAsync(versions[i], LongPoll, round.Token))).ToList();
            try
            {
                while (waits.Count > 0)
                {
                    var answered = await Task.WhenAny(waits.Select(wait => wait.Task));
                    var wait = waits.Single(w => w.Task == answered);
                    if (await answered != versions[wait.Index]) return;
                    waits.Remove(wait);
                }
            }
            finally
            {
                await round.CancelAsync();
                await Task.WhenAll(waits.Select(w => w.Task)).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
