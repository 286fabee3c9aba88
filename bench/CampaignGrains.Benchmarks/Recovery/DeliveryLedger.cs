using CampaignGrains.Abstractions;
using CampaignGrains.Benchmarks.Stack;

namespace CampaignGrains.Benchmarks.Recovery;

/// <summary>The counts (in <see cref="TabCounts"/> order) a campaign must show at least, and may show at most.</summary>
internal sealed record CountBounds(long[] AtLeast, long[] AtMost);

/// <summary>
/// What the producers were told, per campaign: the events the silo acknowledged, which it must show after a crash,
/// and those of batches never acknowledged, which it may show: the log may have taken a batch whose answer the
/// crash cut off.
/// </summary>
internal sealed class DeliveryLedger
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<DeliveryEvent>> _acknowledged = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<DeliveryEvent>> _unacknowledged = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _firstAcknowledgement = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the first acknowledged batch: a fresh silo's first batches activate its grains first.</summary>
    public Task FirstAcknowledgement => _firstAcknowledgement.Task;

    public long AcknowledgedEvents { get; private set; }

    public long UnacknowledgedBatches { get; private set; }

    /// <summary>Events of acknowledged batches that the silo did not accept (rejected or duplicate).</summary>
    public long NotAccepted { get; private set; }

    public void Acknowledged(IReadOnlyCollection<DeliveryEvent> accepted, int batchSize)
    {
        lock (_lock)
        {
            Add(_acknowledged, accepted);
            AcknowledgedEvents += accepted.Count;
            NotAccepted += batchSize - accepted.Count;
        }
        _firstAcknowledgement.TrySetResult();
    }

    public void Unacknowledged(IReadOnlyCollection<DeliveryEvent> batch)
    {
        lock (_lock)
        {
            Add(_unacknowledged, batch);
            UnacknowledgedBatches++;
        }
    }

    /// <summary>Every campaign with an acknowledged event, with its bounds as the report computes counts.</summary>
    public Dictionary<string, CountBounds> Bounds(DateTimeOffset now)
    {
        lock (_lock)
        {
            return _acknowledged.ToDictionary(pair => pair.Key, pair =>
            {
                var unacknowledged = _unacknowledged.GetValueOrDefault(pair.Key) ?? [];
                return new CountBounds(Counts(pair.Key, pair.Value, now), Counts(pair.Key, [.. pair.Value, .. unacknowledged], now));
            }, StringComparer.Ordinal);
        }
    }

    private static long[] Counts(string campaignId, List<DeliveryEvent> events, DateTimeOffset now) =>
        TabCounts.Expected(ReportOracle.From([new EventBatch(SiloUnderTest.Tenant, campaignId, [.. events])]), now);

    private static void Add(Dictionary<string, List<DeliveryEvent>> byCampaign, IEnumerable<DeliveryEvent> events)
    {
        foreach (var e in events)
        {
            if (!byCampaign.TryGetValue(e.CampaignId, out var list)) byCampaign[e.CampaignId] = list = [];
            list.Add(e);
        }
    }
}
