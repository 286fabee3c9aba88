namespace CampaignGrains.Statistics;

/// <summary>
/// Counters for the recent hours that saw events, each hour split into the same number of buckets, with one
/// counter per bucket for each counted metric only: an hour without events takes no room, and neither does a
/// metric outside the mask. Counters are packed (<see cref="PackedCounters"/>) and at most 32-bit: that holds any
/// bucket of an hour or less, as 2^32 events in an hour would be over a million a second for one campaign.
/// </summary>
internal sealed class PackedHours(MetricMask metrics, int bucketsPerHour)
{
    /// <summary>The hour each block holds. A block whose hour has left the window is reused for the next new hour.</summary>
    private long[] _hours = [];

    /// <summary>One block per entry of <see cref="_hours"/>: per bucket, one counter per counted metric.</summary>
    private readonly PackedCounters _counts = new(maxWidth: 4);

    private int Stride => bucketsPerHour * metrics.Count;

    public void Increment(long hour, int bucket, Metric metric, long oldestHour)
    {
        if (!metrics.Contains(metric)) throw new ArgumentOutOfRangeException(nameof(metric), metric, "Not a counted metric.");
        var block = BlockOf(hour);
        if (block < 0) block = Open(hour, oldestHour);
        _counts.Increment(block * Stride + bucket * metrics.Count + metrics.ColumnOf(metric));
    }

    /// <summary>Adds one bucket's counts to <paramref name="sum"/>, nothing if no block holds its hour.</summary>
    public void AddTo(ref MetricCounts sum, long hour, int bucket)
    {
        var block = BlockOf(hour);
        if (block >= 0) AddBucket(ref sum, block, bucket);
    }

    /// <summary>Adds every bucket of the hours in [fromHour, toHour] to <paramref name="sum"/>.</summary>
    public void AddTo(ref MetricCounts sum, long fromHour, long toHour)
    {
        for (var block = 0; block < _hours.Length; block++)
        {
            if (_hours[block] < fromHour || _hours[block] > toHour) continue;
            for (var bucket = 0; bucket < bucketsPerHour; bucket++) AddBucket(ref sum, block, bucket);
        }
    }

    /// <summary>Every bucket with a non-zero count, for the codec.</summary>
    public IEnumerable<(long Hour, int Bucket, MetricCounts Counts)> Occupied()
    {
        for (var block = 0; block < _hours.Length; block++)
        {
            for (var bucket = 0; bucket < bucketsPerHour; bucket++)
            {
                var counts = default(MetricCounts);
                AddBucket(ref counts, block, bucket);
                if (!counts.IsZero) yield return (_hours[block], bucket, counts);
            }
        }
    }

    /// <summary>Sets one bucket from a stored record; refuses counts a bucket of this mask cannot hold.</summary>
    public void Restore(long hour, int bucket, in MetricCounts counts)
    {
        var block = BlockOf(hour);
        if (block < 0) block = Open(hour, long.MinValue);
        _counts.Pack(block * Stride + bucket * metrics.Count, metrics, counts, "A bucket");
    }

    private void AddBucket(ref MetricCounts sum, int block, int bucket) => sum.Add(_counts.Unpack(block * Stride + bucket * metrics.Count, metrics));

    private int BlockOf(long hour) => Array.IndexOf(_hours, hour);

    private int Open(long hour, long oldestHour)
    {
        for (var block = 0; block < _hours.Length; block++)
        {
            if (_hours[block] >= oldestHour) continue;
            _hours[block] = hour;
            _counts.Clear(block * Stride, Stride);
            return block;
        }
        Array.Resize(ref _hours, _hours.Length + 1);
        _counts.Append(Stride);
        _hours[^1] = hour;
        return _hours.Length - 1;
    }
}
