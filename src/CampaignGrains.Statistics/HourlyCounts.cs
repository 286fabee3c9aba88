namespace CampaignGrains.Statistics;

/// <summary>
/// Per-hour counts of one breakdown key over the live window, for the breakdown's metrics only. Holds only
/// hours that saw events, at most <see cref="MaxHours"/>, so an idle key costs nothing.
/// </summary>
public sealed class HourlyCounts(MetricMask metrics)
{
    /// <summary>The 24 hours of the window, the hour ahead (clock skew) and the hour just leaving it.</summary>
    public const int MaxHours = TimeBuckets.LiveHourCount + 2;

    private readonly PackedHours _hours = new(metrics, bucketsPerHour: 1);

    internal IEnumerable<(long Hour, MetricCounts Counts)> Hours => _hours.Occupied().Select(held => (held.Hour, held.Counts));

    public void Add(long hour, Metric metric, long oldestLiveHour) => _hours.Increment(hour, 0, metric, oldestLiveHour);

    public void AddTo(ref MetricCounts sum, long fromHour, long toHour) => _hours.AddTo(ref sum, fromHour, toHour);

    public void UnionWith(HourlyCounts other, long oldestLiveHour) => _hours.UnionWith(other._hours, oldestLiveHour);

    internal void Restore(long hour, in MetricCounts counts) => _hours.Restore(hour, 0, counts);
}
