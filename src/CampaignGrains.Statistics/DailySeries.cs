namespace CampaignGrains.Statistics;

/// <summary>
/// The all-time chart: one bucket per UTC day, covering the <see cref="MaxDays"/> days up to the newest
/// day with data. A day that falls out of that span leaves the chart, never the totals. Days are kept in
/// order with packed counters for the grain's metrics only.
/// </summary>
public sealed class DailySeries(MetricMask metrics)
{
    /// <summary>Over a year of daily points: enough for any campaign's chart, and 400 × 14 counters at most.</summary>
    public const int MaxDays = 400;

    private readonly int _columns = metrics.Count;

    /// <summary>The days that saw events, ascending.</summary>
    private long[] _days = [];

    /// <summary>Per entry of <see cref="_days"/>, one counter per counted metric.</summary>
    private readonly PackedCounters _counts = new(maxWidth: 8);

    public long? NewestDay => _days.Length == 0 ? null : _days[^1];

    public void Add(long day, Metric metric)
    {
        if (!metrics.Contains(metric)) throw new ArgumentOutOfRangeException(nameof(metric), metric, "Not a counted metric.");
        if (NewestDay is { } newest && day <= newest - MaxDays) return;
        _counts.Increment(IndexFor(day) * _columns + metrics.ColumnOf(metric));
    }

    public IEnumerable<(long Day, MetricCounts Counts)> Days
    {
        get
        {
            for (var index = 0; index < _days.Length; index++) yield return (_days[index], _counts.Unpack(index * _columns, metrics));
        }
    }

    /// <summary>Sets one day from a stored record; refuses metrics this series does not count.</summary>
    internal void Restore(long day, in MetricCounts counts) => _counts.Pack(IndexFor(day) * _columns, metrics, counts, "A day");

    /// <summary>The day's entry, inserted in order if new; a new newest day drops the days it pushes out of the span.</summary>
    private int IndexFor(long day)
    {
        var index = Array.BinarySearch(_days, day);
        if (index >= 0) return index;
        index = ~index;
        _days = [.. _days[..index], day, .. _days[index..]];
        _counts.Insert(index * _columns, _columns);
        var expired = 0;
        while (_days[expired] <= day - MaxDays) expired++;
        if (expired == 0) return index;
        _days = _days[expired..];
        _counts.Remove(0, expired * _columns);
        return index - expired;
    }
}
