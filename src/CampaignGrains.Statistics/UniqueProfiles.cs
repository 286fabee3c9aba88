namespace CampaignGrains.Statistics;

/// <summary>
/// Distinct profiles for one unique metric: an all-time sketch and, per live hour, the hour's distinct hashes,
/// or its registers once it has more than <see cref="UniqueSketch.ExactLimit"/> of them. The live window's count
/// is the union of its hours, exact while every hour is.
/// <para>
/// The exact hours share one array, hour after hour, each hour's hashes sorted: a typical campaign's hours hold
/// a few dozen profiles each, for which an object and an array of its own per hour would cost as much as the
/// hashes. Events arrive mostly for the newest hour, whose hashes are last, so an insertion moves few others.
/// </para>
/// </summary>
public sealed class UniqueProfiles
{
    private static readonly int HourlyExactLimit = UniqueSketch.ExactLimit(StatisticsShape.HourlyUniquePrecision);

    /// <summary>The live hours in the order they were opened; an exact hour's hashes are its run in <see cref="_hashes"/>.</summary>
    private readonly List<LiveHour> _hours = [];

    private ulong[] _hashes = [];
    private int _hashCount;

    public UniqueSketch AllTime { get; private set; } = new(StatisticsShape.AllTimeUniquePrecision);

    /// <summary>Each live hour as a sketch of its own, for the codec.</summary>
    internal IEnumerable<(long Hour, UniqueSketch Sketch)> Hours =>
        _hours.Select((hour, index) => (hour.Hour, hour.Dense is { } dense
            ? UniqueSketch.FromRegisters(dense)
            : UniqueSketch.FromHashes(StatisticsShape.HourlyUniquePrecision, RunOf(index).ToArray())));

    public void Add(ulong profileHash, long? liveHour, long oldestLiveHour)
    {
        AllTime.Add(profileHash);
        if (liveHour is not { } hour) return;
        var index = _hours.FindIndex(entry => entry.Hour == hour);
        if (index < 0)
        {
            for (var old = _hours.Count - 1; old >= 0; old--)
            {
                if (_hours[old].Hour < oldestLiveHour) RemoveHour(old);
            }
            _hours.Add(new LiveHour(hour, 0, null));
            index = _hours.Count - 1;
        }
        AddToHour(index, profileHash);
    }

    public long Estimate(long? fromHour, long toHour)
    {
        if (fromHour is not { } from) return AllTime.Estimate();
        var inWindow = Enumerable.Range(0, _hours.Count).Where(index => _hours[index].Hour >= from && _hours[index].Hour <= toHour).ToList();
        var dense = inWindow.Select(index => _hours[index].Dense).OfType<HyperLogLog>().ToList();
        if (dense.Count == 0)
        {
            var union = new HashSet<ulong>();
            foreach (var index in inWindow)
            {
                foreach (var hash in RunOf(index)) union.Add(hash);
            }
            return union.Count;
        }

        // Dense hours fold into registers at the lowest precision among them; exact hours' hashes are added.
        var registers = new HyperLogLog(dense.Min(sketch => sketch.Precision));
        foreach (var sketch in dense) registers.UnionWith(sketch);
        foreach (var index in inWindow)
        {
            foreach (var hash in RunOf(index)) registers.Add(hash);
        }
        return registers.Estimate();
    }

    internal void Restore(UniqueSketch allTime, IEnumerable<(long Hour, UniqueSketch Sketch)> hours)
    {
        AllTime = allTime;
        _hours.Clear();
        _hashCount = 0;
        foreach (var (hour, sketch) in hours)
        {
            if (_hours.Exists(entry => entry.Hour == hour)) throw new InvalidDataException($"The unique counts hold hour {hour} twice.");
            _hours.Add(new LiveHour(hour, 0, sketch.Dense));
            foreach (var hash in sketch.Hashes) AddToHour(_hours.Count - 1, hash);
        }
    }

    private void AddToHour(int index, ulong hash)
    {
        var hour = _hours[index];
        if (hour.Dense is { } dense)
        {
            dense.Add(hash);
            return;
        }
        var start = StartOf(index);
        var at = Array.BinarySearch(_hashes, start, hour.Count, hash);
        if (at >= 0) return;
        if (hour.Count == HourlyExactLimit)
        {
            SwitchToDense(index, start).Add(hash);
            return;
        }
        at = ~at;
        if (_hashCount == _hashes.Length) Array.Resize(ref _hashes, Math.Max(8, _hashCount + _hashCount / 4));
        Array.Copy(_hashes, at, _hashes, at + 1, _hashCount - at);
        _hashes[at] = hash;
        _hashCount++;
        _hours[index] = hour with { Count = hour.Count + 1 };
    }

    private HyperLogLog SwitchToDense(int index, int start)
    {
        var dense = new HyperLogLog(StatisticsShape.HourlyUniquePrecision);
        foreach (var hash in RunOf(index)) dense.Add(hash);
        RemoveRun(start, _hours[index].Count);
        _hours[index] = _hours[index] with { Count = 0, Dense = dense };
        return dense;
    }

    private void RemoveHour(int index)
    {
        RemoveRun(StartOf(index), _hours[index].Count);
        _hours.RemoveAt(index);
    }

    /// <summary>Removes a run of hashes; the array shrinks once it is less than half used, so a busy hour that left gives its room back.</summary>
    private void RemoveRun(int start, int count)
    {
        Array.Copy(_hashes, start + count, _hashes, start, _hashCount - start - count);
        _hashCount -= count;
        if (_hashCount < _hashes.Length / 2) Array.Resize(ref _hashes, _hashCount + _hashCount / 4);
    }

    private ReadOnlySpan<ulong> RunOf(int index) => _hashes.AsSpan(StartOf(index), _hours[index].Count);

    private int StartOf(int index)
    {
        var start = 0;
        for (var before = 0; before < index; before++) start += _hours[before].Count;
        return start;
    }

    /// <param name="Count">The hour's hashes in <see cref="_hashes"/>; 0 once it is dense.</param>
    /// <param name="Dense">The hour's registers once it outgrew the exact limit; null while it is exact.</param>
    private readonly record struct LiveHour(long Hour, int Count, HyperLogLog? Dense);
}
