using System.Collections.Concurrent;
using System.Diagnostics;

namespace CampaignGrains.Benchmarks.Recovery;

/// <summary>
/// When every campaign showed at least its acknowledged counts (null if some never did before the reads gave up);
/// campaigns whose last read failed, and those that answered with less (an acknowledged event lost, or not yet
/// replayed) by how many counts; and over the last answer of each campaign, counts above the acknowledged that
/// unacknowledged batches explain, and counts above anything sent.
/// </summary>
internal sealed record VisibilityResult(
    TimeSpan? AllVisibleAt, int CampaignsNotAnswering, int CampaignsShort, long CountsShort, long UnacknowledgedCounted, long CountsBeyondSent);

/// <summary>
/// Reads every campaign's three all-time tabs (one <c>GetReport</c>) until each shows at least what was
/// acknowledged for it, rereading only those still short. A read that fails (the silo still starting) counts as
/// not yet; the first read of a campaign activates its grains, which catch up from their checkpoints and the log,
/// as a dashboard's would.
/// </summary>
internal static class Visibility
{
    /// <summary>Readers in parallel: enough to activate thousands of campaigns quickly, few enough for two cores.</summary>
    public const int Readers = 8;

    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);

    public static async Task<VisibilityResult> WaitAsync(V1.ReportService.ReportServiceClient reports, Metadata headers,
        IReadOnlyDictionary<string, CountBounds> campaigns, Stopwatch sinceKill, TimeSpan giveUpAfter, CancellationToken cancellationToken)
    {
        var served = new ConcurrentDictionary<string, long[]>(StringComparer.Ordinal);
        var notAnswering = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var lastVisibleAt = TimeSpan.Zero;
        var visibleLock = new Lock();
        var shortOnes = campaigns.Keys.ToList();
        while (shortOnes.Count > 0 && sinceKill.Elapsed < giveUpAfter)
        {
            var stillShort = new ConcurrentBag<string>();
            await Parallel.ForEachAsync(shortOnes, new ParallelOptions { MaxDegreeOfParallelism = Readers, CancellationToken = cancellationToken }, async (campaignId, token) =>
            {
                var counts = await TryReadAsync(reports, headers, campaignId, token);
                var at = sinceKill.Elapsed;
                if (counts is null) notAnswering[campaignId] = true;
                else
                {
                    served[campaignId] = counts;
                    notAnswering.TryRemove(campaignId, out _);
                }
                if (counts is null || !Covers(counts, campaigns[campaignId].AtLeast))
                {
                    stillShort.Add(campaignId);
                    return;
                }
                lock (visibleLock)
                {
                    if (at > lastVisibleAt) lastVisibleAt = at;
                }
            });
            shortOnes = [.. stillShort];
            if (shortOnes.Count > 0) await Task.Delay(Pause, cancellationToken);
        }

        long countsShort = 0, unacknowledgedCounted = 0, beyondSent = 0;
        foreach (var (campaignId, bounds) in campaigns)
        {
            if (notAnswering.ContainsKey(campaignId) || !served.TryGetValue(campaignId, out var counts)) continue;
            for (var i = 0; i < counts.Length; i++)
            {
                countsShort += Math.Max(0, bounds.AtLeast[i] - counts[i]);
                unacknowledgedCounted += Math.Max(0, Math.Min(counts[i], bounds.AtMost[i]) - bounds.AtLeast[i]);
                beyondSent += Math.Max(0, counts[i] - bounds.AtMost[i]);
            }
        }
        return new VisibilityResult(shortOnes.Count == 0 ? lastVisibleAt : null, notAnswering.Count, shortOnes.Count - notAnswering.Count,
            countsShort, unacknowledgedCounted, beyondSent);
    }

    private static async Task<long[]?> TryReadAsync(V1.ReportService.ReportServiceClient reports, Metadata headers, string campaignId, CancellationToken cancellationToken)
    {
        try
        {
            var report = await reports.GetReportAsync(new V1.ReportRequest { CampaignId = campaignId, Window = V1.Window.AllTime }, headers,
                DateTime.UtcNow.AddSeconds(10), cancellationToken);
            return TabCounts.Served(report);
        }
        catch (RpcException)
        {
            return null;
        }
    }

    private static bool Covers(long[] counts, long[] atLeast) => counts.Zip(atLeast).All(pair => pair.First >= pair.Second);
}
