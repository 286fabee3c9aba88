namespace CampaignGrains.Grains.Log;

/// <summary>
/// A shard's entries that some grain has not yet checkpointed, each with the shares of the grains still owing a
/// checkpoint: what a grain catches up from after a crash, and what holds the log's truncation point back.
/// Kept in memory; a restarted shard rebuilds it from the log past its cursor.
/// </summary>
internal sealed class PendingIndex
{
    private readonly SortedDictionary<long, Entry> _entries = [];
    /// <summary>Ascending, as positions are added in order: a list searched by halves, not a tree.</summary>
    private readonly Dictionary<GrainTarget, List<long>> _byTarget = [];

    /// <summary>The last position appended (or recovered); 0 for an empty log.</summary>
    public long Head { get; private set; }

    /// <summary>Adds the entry at <paramref name="position"/>, which is past every position added before.</summary>
    public void Add(long position, DateOnly day, long appendedAt, IEnumerable<(GrainTarget Target, BatchShare Share)> shares)
    {
        var entry = new Entry(day, appendedAt, shares.ToDictionary(s => s.Target, s => s.Share));
        _entries.Add(position, entry);
        foreach (var target in entry.Shares.Keys)
        {
            if (!_byTarget.TryGetValue(target, out var positions)) _byTarget.Add(target, positions = []);
            positions.Add(position);
        }
        Head = Math.Max(Head, position);
    }

    /// <summary>Starts the positions after <paramref name="position"/> when the log holds nothing pending.</summary>
    public void Resume(long position) => Head = Math.Max(Head, position);

    public PendingShare[] For(GrainTarget target, long after) =>
        after < Head && _byTarget.TryGetValue(target, out var positions)
            ? [.. positions[FirstAfter(positions, after)..].Select(position => new PendingShare(position, _entries[position].Shares[target]))]
            : [];

    /// <summary>The target's pending entry before <paramref name="position"/>, or 0: what the target must have applied first.</summary>
    public long PreviousFor(GrainTarget target, long position) =>
        _byTarget.TryGetValue(target, out var positions) && FirstAfter(positions, position - 1) is > 0 and var count ? positions[count - 1] : 0;

    public void Checkpointed(GrainTarget target, long through)
    {
        if (!_byTarget.TryGetValue(target, out var positions)) return;
        var covered = FirstAfter(positions, through);
        for (var i = 0; i < covered; i++)
        {
            var entry = _entries[positions[i]];
            entry.Shares.Remove(target);
            if (entry.Shares.Count == 0) _entries.Remove(positions[i]);
        }
        positions.RemoveRange(0, covered);
        if (positions.Count == 0) _byTarget.Remove(target);
    }

    /// <summary>Everything up to the position before the oldest pending entry is checkpointed, and that entry's day is the oldest needed.</summary>
    public LogCursor Cursor(DateOnly today)
    {
        if (_entries.Count == 0) return new LogCursor(Head, today);
        var (position, oldest) = _entries.First();
        return new LogCursor(position - 1, oldest.Day);
    }

    /// <summary>Grains that owe a checkpoint for an entry appended before <paramref name="appendedBefore"/> (timestamps of <see cref="Add"/>).</summary>
    public IEnumerable<GrainTarget> Overdue(long appendedBefore) =>
        _entries.Values.TakeWhile(entry => entry.AppendedAt < appendedBefore).SelectMany(entry => entry.Shares.Keys).Distinct();

    /// <summary>The index of the first of the ascending <paramref name="positions"/> past <paramref name="position"/>: how many are at or before it.</summary>
    private static int FirstAfter(List<long> positions, long position)
    {
        var index = positions.BinarySearch(position);
        return index >= 0 ? index + 1 : ~index;
    }

    private sealed record Entry(DateOnly Day, long AppendedAt, Dictionary<GrainTarget, BatchShare> Shares);
}
