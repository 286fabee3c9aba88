namespace CampaignGrains.Statistics;

/// <summary>
/// Counts per key (reason, domain, platform) for a bounded number of keys, with everything else in
/// <see cref="Other"/>, so totals over rows and Other always equal the metric totals of keyed events.
/// <para>
/// Membership follows Space-Saving (Metwally et al. 2005) over the number of events per key: while
/// fewer than <see cref="Capacity"/> keys were seen every count is exact; after that a new key evicts
/// the key with the smallest estimate, whose counts move to Other. Every key seen more than N / capacity
/// times (N = keyed events) is guaranteed a row, and a row undercounts its key by at most
/// <see cref="BreakdownRow.MaxUndercount"/> events (≤ N / capacity): the events it had before its
/// last admission, which sit in Other.
/// </para>
/// </summary>
public sealed class Breakdown(int capacity, MetricMask metrics)
{
    private readonly Dictionary<string, BreakdownEntry> _entries = new(StringComparer.Ordinal);

    public int Capacity { get; } = capacity;

    public MetricMask Metrics { get; } = metrics;

    public BreakdownEntry Other { get; } = new(0, metrics);

    internal IReadOnlyDictionary<string, BreakdownEntry> Entries => _entries;

    public void Add(string key, Metric metric, long? liveHour, long oldestLiveHour)
    {
        if (!Metrics.Contains(metric)) return;
        if (!_entries.TryGetValue(key, out var entry))
        {
            entry = Admit(key);
        }
        entry.Totals[metric]++;
        if (liveHour is { } hour) entry.Live.Add(hour, metric, oldestLiveHour);
    }

    private BreakdownEntry Admit(string key)
    {
        BreakdownEntry entry;
        if (_entries.Count < Capacity)
        {
            entry = new BreakdownEntry(0, Metrics);
        }
        else
        {
            var (victimKey, victim) = _entries.MinBy(pair => pair.Value.Estimate);
            _entries.Remove(victimKey);
            Other.Totals.Add(victim.Totals);
            Other.Live.UnionWith(victim.Live, long.MinValue);
            entry = new BreakdownEntry(victim.Estimate, Metrics);
        }
        _entries.Add(key, entry);
        return entry;
    }

    /// <summary>Rows for a window: all-time totals, or the sum of the live hours in [fromHour, toHour].</summary>
    public BreakdownView View(long? fromHour, long toHour)
    {
        var rows = new List<BreakdownRow>(_entries.Count);
        foreach (var (key, entry) in _entries)
        {
            var counts = entry.CountsIn(fromHour, toHour);
            if (!counts.IsZero) rows.Add(new BreakdownRow(key, counts, entry.MaxUndercount));
        }
        return new BreakdownView(rows, Other.CountsIn(fromHour, toHour), IsExact: Other.Totals.IsZero);
    }

    internal void Restore(string key, BreakdownEntry entry) => _entries[key] = entry;
}

/// <summary>One key's counts: all time, and per hour over the live window for the breakdown's metrics.</summary>
public sealed class BreakdownEntry(long maxUndercount, MetricMask metrics)
{
    public MetricCounts Totals;

    /// <summary>Events counted since this key was last admitted: its weight in the eviction order.</summary>
    internal long Weight
    {
        get
        {
            long weight = 0;
            foreach (var count in Totals) weight += count;
            return weight;
        }
    }

    /// <summary>Events this key may have had before its last admission (Space-Saving's error term).</summary>
    public long MaxUndercount { get; } = maxUndercount;

    public HourlyCounts Live { get; } = new(metrics);

    internal long Estimate => Weight + MaxUndercount;

    internal MetricCounts CountsIn(long? fromHour, long toHour)
    {
        if (fromHour is not { } from) return Totals;
        var sum = default(MetricCounts);
        Live.AddTo(ref sum, from, toHour);
        return sum;
    }
}

public sealed record BreakdownRow(string Key, MetricCounts Counts, long MaxUndercount);

/// <summary>A breakdown over one window. <see cref="IsExact"/> is true while no key was ever evicted.</summary>
public sealed record BreakdownView(IReadOnlyList<BreakdownRow> Rows, MetricCounts Other, bool IsExact);
