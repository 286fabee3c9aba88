namespace CampaignGrains.Statistics;

/// <summary>
/// Counts per key (reason, domain, platform) for a bounded number of keys, with everything else in Other, so
/// totals over rows and Other always equal the metric totals of keyed events.
/// <para>
/// Membership follows Space-Saving (Metwally et al. 2005) over the number of events per key: while
/// fewer than <see cref="Capacity"/> keys were seen every count is exact; after that a new key evicts
/// the key with the smallest estimate, whose counts move to Other. Every key seen more than N / capacity
/// times (N = keyed events) is guaranteed a row, and a row undercounts its key by at most
/// <see cref="BreakdownRow.MaxUndercount"/> events (≤ N / capacity): the events it had before its
/// last admission, which sit in Other.
/// </para>
/// <para>
/// Stored by column rather than as an object per key: slot 0 is Other, slot k the k-th key; all-time totals and
/// the live hours' counts are packed counters for the breakdown's metrics only, and all slots share one index
/// of live hours. A typical breakdown's counters take a byte each.
/// </para>
/// </summary>
public sealed class Breakdown
{
    /// <summary>The 24 hours of the window, the hour ahead (clock skew) and the hour just leaving it.</summary>
    public const int MaxLiveHours = TimeBuckets.LiveHourCount + 2;

    private readonly int _columns;

    /// <summary>The key of slot k at index k - 1.</summary>
    private string[] _keys = [];

    /// <summary>Space-Saving's error term per key, at index k - 1: events it may have had before its last admission.</summary>
    private long[] _undercounts = [];

    /// <summary>All-time counts, slot by slot, one column per counted metric.</summary>
    private readonly PackedCounters _totals;

    /// <summary>The hour of each block of <see cref="_live"/>; a block whose hour left the window is reused.</summary>
    private long[] _hours = [];

    /// <summary>Per live hour a block of every slot's counts: at (block × slots + slot) × columns + column.</summary>
    private readonly PackedCounters _live = new(maxWidth: 4);

    public Breakdown(int capacity, MetricMask metrics)
    {
        Capacity = capacity;
        Metrics = metrics;
        _columns = metrics.Count;
        _totals = new PackedCounters(maxWidth: 8);
        _totals.Append(_columns);
    }

    public int Capacity { get; }

    public MetricMask Metrics { get; }

    private int Slots => _keys.Length + 1;

    public void Add(string key, Metric metric, long? liveHour, long oldestLiveHour)
    {
        if (!Metrics.Contains(metric)) return;
        var slot = Array.IndexOf(_keys, key) + 1;
        if (slot == 0) slot = Admit(key);
        var column = Metrics.ColumnOf(metric);
        _totals.Increment(slot * _columns + column);
        if (liveHour is { } hour) _live.Increment(LiveIndex(BlockFor(hour, oldestLiveHour), slot) + column);
    }

    /// <summary>Rows for a window: all-time totals, or the sum of the live hours in [fromHour, toHour].</summary>
    public BreakdownView View(long? fromHour, long toHour)
    {
        var rows = new List<BreakdownRow>(_keys.Length);
        for (var slot = 1; slot < Slots; slot++)
        {
            var counts = CountsIn(slot, fromHour, toHour);
            if (!counts.IsZero) rows.Add(new BreakdownRow(_keys[slot - 1], counts, _undercounts[slot - 1]));
        }
        return new BreakdownView(rows, CountsIn(0, fromHour, toHour), IsExact: Weight(0) == 0);
    }

    /// <summary>Other and every key with its counts, for the codec.</summary>
    internal IEnumerable<BreakdownSlot> StoredSlots()
    {
        for (var slot = 0; slot < Slots; slot++)
        {
            var hours = new List<(long Hour, MetricCounts Counts)>();
            for (var block = 0; block < _hours.Length; block++)
            {
                var counts = _live.Unpack(LiveIndex(block, slot), Metrics);
                if (!counts.IsZero) hours.Add((_hours[block], counts));
            }
            yield return slot == 0
                ? new BreakdownSlot(null, 0, _totals.Unpack(0, Metrics), hours)
                : new BreakdownSlot(_keys[slot - 1], _undercounts[slot - 1], _totals.Unpack(slot * _columns, Metrics), hours);
        }
    }

    /// <summary>Sets Other (a null key) or adds a key from a stored record; refuses counts this breakdown cannot hold.</summary>
    internal void Restore(BreakdownSlot stored)
    {
        var slot = 0;
        if (stored.Key is { } key)
        {
            if (Array.IndexOf(_keys, key) >= 0) throw new InvalidDataException($"The breakdown holds the key '{key}' twice.");
            slot = AddSlot(key, stored.MaxUndercount);
        }
        _totals.Pack(slot * _columns, Metrics, stored.Totals, "A breakdown");
        foreach (var (hour, counts) in stored.Hours) _live.Pack(LiveIndex(BlockFor(hour, long.MinValue), slot), Metrics, counts, "A breakdown");
    }

    private MetricCounts CountsIn(int slot, long? fromHour, long toHour)
    {
        if (fromHour is not { } from) return _totals.Unpack(slot * _columns, Metrics);
        var sum = default(MetricCounts);
        for (var block = 0; block < _hours.Length; block++)
        {
            if (_hours[block] >= from && _hours[block] <= toHour) sum.Add(_live.Unpack(LiveIndex(block, slot), Metrics));
        }
        return sum;
    }

    /// <summary>Events counted in a slot since its key was last admitted.</summary>
    private long Weight(int slot)
    {
        long weight = 0;
        for (var column = 0; column < _columns; column++) weight += _totals[slot * _columns + column];
        return weight;
    }

    private int Admit(string key)
    {
        if (_keys.Length < Capacity) return AddSlot(key, 0);

        // Each key's estimate is computed once: the scan is the eviction's whole cost.
        var victim = 1;
        var smallest = long.MaxValue;
        for (var slot = 1; slot < Slots; slot++)
        {
            var estimate = Weight(slot) + _undercounts[slot - 1];
            if (estimate < smallest) (victim, smallest) = (slot, estimate);
        }
        MoveToOther(victim);
        _keys[victim - 1] = key;
        _undercounts[victim - 1] = smallest;
        return victim;
    }

    private void MoveToOther(int slot)
    {
        for (var column = 0; column < _columns; column++)
        {
            _totals[column] += _totals[slot * _columns + column];
            _totals[slot * _columns + column] = 0;
        }
        for (var block = 0; block < _hours.Length; block++)
        {
            var from = LiveIndex(block, slot);
            var into = LiveIndex(block, 0);
            for (var column = 0; column < _columns; column++)
            {
                _live[into + column] += _live[from + column];
                _live[from + column] = 0;
            }
        }
    }

    /// <summary>Adds a slot at the end, with room in every live hour's block.</summary>
    private int AddSlot(string key, long maxUndercount)
    {
        var slots = Slots;
        _live.EnsureCapacity(_live.Length + _hours.Length * _columns);
        // From the last block back, so the blocks before each insertion keep their place.
        for (var block = _hours.Length - 1; block >= 0; block--) _live.Insert((block + 1) * slots * _columns, _columns);
        _totals.Append(_columns);
        _keys = [.. _keys, key];
        _undercounts = [.. _undercounts, maxUndercount];
        return slots;
    }

    private int BlockFor(long hour, long oldestLiveHour)
    {
        var block = Array.IndexOf(_hours, hour);
        if (block >= 0) return block;
        var blockLength = Slots * _columns;
        for (block = 0; block < _hours.Length; block++)
        {
            if (_hours[block] >= oldestLiveHour) continue;
            _hours[block] = hour;
            _live.Clear(block * blockLength, blockLength);
            return block;
        }
        _hours = [.. _hours, hour];
        _live.Append(blockLength);
        return _hours.Length - 1;
    }

    private int LiveIndex(int block, int slot) => (block * Slots + slot) * _columns;
}

/// <summary>One slot as stored: Other (no key) or a key, with its all-time counts and its live hours' counts.</summary>
internal sealed record BreakdownSlot(string? Key, long MaxUndercount, MetricCounts Totals, IReadOnlyList<(long Hour, MetricCounts Counts)> Hours);

public sealed record BreakdownRow(string Key, MetricCounts Counts, long MaxUndercount);

/// <summary>A breakdown over one window. <see cref="IsExact"/> is true while no key was ever evicted.</summary>
public sealed record BreakdownView(IReadOnlyList<BreakdownRow> Rows, MetricCounts Other, bool IsExact);
