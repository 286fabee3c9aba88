namespace CampaignGrains.Statistics;

/// <summary>
/// The distinct 64-bit profile hashes of one span: the hashes themselves while few, a <see cref="HyperLogLog"/>
/// once many. The set switches to registers when it would outgrow them as stored (<see cref="ExactLimit"/>:
/// 384 hashes at precision 12), so exactness never costs more room than the estimate would. Until then the
/// count is exact (two of n profiles share a 64-bit hash with probability about n² / 2^65).
/// </summary>
public sealed class UniqueSketch(int precision)
{
    /// <summary>Sorted, so a lookup is a binary search and the stored set needs no ordering of its own.</summary>
    private ulong[] _hashes = [];
    private int _count;

    public int Precision { get; } = precision;

    /// <summary>The registers once the set outgrew <see cref="ExactLimit"/>; null while the count is exact.</summary>
    public HyperLogLog? Dense { get; private set; }

    public bool IsExact => Dense is null;

    internal ReadOnlySpan<ulong> Hashes => _hashes.AsSpan(0, _count);

    /// <summary>The most hashes kept exactly: as many as fit in the stored registers' bytes.</summary>
    public static int ExactLimit(int precision) => HyperLogLog.StoredLength(precision) / sizeof(ulong);

    public void Add(ulong hash)
    {
        if (Dense is { } dense)
        {
            dense.Add(hash);
            return;
        }
        var index = Array.BinarySearch(_hashes, 0, _count, hash);
        if (index >= 0) return;
        if (_count == ExactLimit(Precision))
        {
            SwitchToDense().Add(hash);
            return;
        }
        index = ~index;
        if (_count == _hashes.Length) Array.Resize(ref _hashes, Math.Min(Math.Max(4, _count + _count / 2), ExactLimit(Precision)));
        Array.Copy(_hashes, index, _hashes, index + 1, _count - index);
        _hashes[index] = hash;
        _count++;
    }

    public long Estimate() => Dense?.Estimate() ?? _count;

    internal static UniqueSketch FromHashes(int precision, IReadOnlyList<ulong> hashes)
    {
        var sketch = new UniqueSketch(precision);
        foreach (var hash in hashes) sketch.Add(hash);
        return sketch;
    }

    internal static UniqueSketch FromRegisters(HyperLogLog dense) => new(dense.Precision) { Dense = dense };

    private HyperLogLog SwitchToDense()
    {
        var dense = new HyperLogLog(Precision);
        foreach (var hash in Hashes) dense.Add(hash);
        Dense = dense;
        _hashes = [];
        _count = 0;
        return dense;
    }
}
