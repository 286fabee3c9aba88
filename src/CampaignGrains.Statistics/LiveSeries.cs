namespace CampaignGrains.Statistics;

/// <summary>
/// The live window's five-minute buckets, held an hour at a time and only for hours that saw events, with
/// counters for the grain's metrics only. An hour is dropped (its room reused) once every bucket of it is
/// older than the newest bucket by <see cref="BucketCount"/>, so the series never grows past the window.
/// </summary>
public sealed class LiveSeries(MetricMask metrics)
{
    /// <summary>288 buckets of the window plus room for events stamped up to the clock-skew limit ahead.</summary>
    internal const int BucketCount = TimeBuckets.LiveBucketCount + 2;

    private static readonly int BucketsPerHour = (int)(TimeBuckets.Hour / TimeBuckets.Live);

    private readonly PackedHours _hours = new(metrics, BucketsPerHour);

    public void Add(long bucket, Metric metric)
    {
        var (hour, within) = Split(bucket);
        _hours.Increment(hour, within, metric, oldestHour: Split(bucket - BucketCount + 1).Hour);
    }

    /// <summary>The counts of one bucket, zero if the series does not hold it.</summary>
    public MetricCounts Get(long bucket)
    {
        var (hour, within) = Split(bucket);
        var counts = default(MetricCounts);
        _hours.AddTo(ref counts, hour, within);
        return counts;
    }

    internal IEnumerable<(long Bucket, MetricCounts Counts)> Occupied() =>
        _hours.Occupied().Select(held => (held.Hour * BucketsPerHour + held.Bucket, held.Counts));

    internal void Restore(long bucket, in MetricCounts counts)
    {
        var (hour, within) = Split(bucket);
        _hours.Restore(hour, within, counts);
    }

    private static (long Hour, int Bucket) Split(long bucket)
    {
        var hour = Math.DivRem(bucket, BucketsPerHour, out var within);
        return within < 0 ? (hour - 1, (int)within + BucketsPerHour) : (hour, (int)within);
    }
}
