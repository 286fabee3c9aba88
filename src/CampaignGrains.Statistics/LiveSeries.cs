namespace CampaignGrains.Statistics;

/// <summary>
/// The live window's five-minute buckets as a ring: a slot holds its bucket index, so a stale slot is
/// recognised and reused, and the ring never grows.
/// </summary>
public sealed class LiveSeries
{
    /// <summary>288 buckets of the window plus room for events stamped up to the clock-skew limit ahead.</summary>
    internal const int SlotCount = TimeBuckets.LiveBucketCount + 2;

    private readonly long[] _bucketOf = new long[SlotCount];
    private readonly MetricCounts[] _counts = new MetricCounts[SlotCount];

    public LiveSeries() => Array.Fill(_bucketOf, long.MinValue);

    /// <summary>Counts the metric in its bucket unless the bucket has already left the ring.</summary>
    public void Add(long bucket, Metric metric)
    {
        var slot = SlotOf(bucket);
        if (_bucketOf[slot] > bucket) return;
        if (_bucketOf[slot] < bucket)
        {
            _bucketOf[slot] = bucket;
            _counts[slot] = default;
        }
        _counts[slot][metric]++;
    }

    /// <summary>The counts of one bucket, zero if the ring does not hold it.</summary>
    public MetricCounts Get(long bucket)
    {
        var slot = SlotOf(bucket);
        return _bucketOf[slot] == bucket ? _counts[slot] : default;
    }

    internal IEnumerable<(long Bucket, MetricCounts Counts)> Occupied()
    {
        for (var slot = 0; slot < SlotCount; slot++)
        {
            if (_bucketOf[slot] != long.MinValue && !_counts[slot].IsZero) yield return (_bucketOf[slot], _counts[slot]);
        }
    }

    internal void Restore(long bucket, in MetricCounts counts)
    {
        var slot = SlotOf(bucket);
        _bucketOf[slot] = bucket;
        _counts[slot] = counts;
    }

    private static int SlotOf(long bucket) => (int)(((bucket % SlotCount) + SlotCount) % SlotCount);
}
