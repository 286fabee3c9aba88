using System.Numerics;

namespace CampaignGrains.Statistics;

/// <summary>
/// Distinct-count estimate over 64-bit hashes (Flajolet et al. 2007, estimated as in <see cref="Estimate"/>).
/// Relative standard error is 1.04 / sqrt(2^precision): 1.63 % at precision 12, 3.25 % at precision 10. Only register maxima are kept, never the hashed values. A register is at most
/// 65 - precision, so it is stored in <see cref="StoredBitsPerRegister"/> bits.
/// </summary>
public sealed class HyperLogLog
{
    private readonly byte[] _registers;

    public HyperLogLog(int precision)
    {
        if (precision is < 4 or > 16) throw new ArgumentOutOfRangeException(nameof(precision));
        Precision = precision;
        _registers = new byte[1 << precision];
    }

    public int Precision { get; }

    public const int StoredBitsPerRegister = 6;

    public static double RelativeStandardError(int precision) => 1.04 / Math.Sqrt(1 << precision);

    /// <summary>Bytes of the registers packed at <see cref="StoredBitsPerRegister"/> bits each.</summary>
    public static int StoredLength(int precision) => (StoredBitsPerRegister << precision) / 8;

    internal ReadOnlySpan<byte> Registers => _registers;

    internal Span<byte> WritableRegisters => _registers;

    public void Add(ulong hash)
    {
        var index = (int)(hash >> (64 - Precision));
        var rest = hash << Precision;
        var rank = (byte)Math.Min(BitOperations.LeadingZeroCount(rest) + 1, 64 - Precision + 1);
        if (rank > _registers[index]) _registers[index] = rank;
    }

    /// <summary>
    /// Folds another sketch into this one (union of the two sets). A finer sketch is coarsened first: the index
    /// bits this one lacks become the leading bits of the rest, exactly as if its hashes had been added here.
    /// </summary>
    public void UnionWith(HyperLogLog other)
    {
        if (other.Precision < Precision) throw new ArgumentException("The other sketch is coarser than this one.", nameof(other));
        var dropped = other.Precision - Precision;
        var lowMask = (1 << dropped) - 1;
        for (var i = 0; i < other._registers.Length; i++)
        {
            if (other._registers[i] == 0) continue;
            var low = i & lowMask;
            var rank = low != 0 ? (byte)(dropped - (32 - BitOperations.LeadingZeroCount((uint)low)) + 1) : (byte)(dropped + other._registers[i]);
            var index = i >> dropped;
            if (rank > _registers[index]) _registers[index] = rank;
        }
    }

    /// <summary>
    /// Ertl's improved estimator (2017, "New cardinality estimation algorithms for HyperLogLog sketches"): one
    /// formula over the register histogram that keeps its relative standard error near 1.04 / sqrt(m) at every
    /// cardinality. The classic switch from linear counting to the raw estimate at 2.5 m errs by up to 3 % there
    /// at precision 12 (measured), which the live window's 2 % bound does not allow.
    /// </summary>
    public long Estimate()
    {
        var m = _registers.Length;
        var q = 64 - Precision;
        Span<int> histogram = stackalloc int[q + 2];
        foreach (var register in _registers) histogram[register]++;

        var z = m * Tau(1 - (double)histogram[q + 1] / m);
        for (var k = q; k >= 1; k--) z = 0.5 * (z + histogram[k]);
        z += m * Sigma((double)histogram[0] / m);
        return (long)Math.Round(m * (m / (2 * Math.Log(2) * z)));
    }

    /// <summary>x + Σ_{k≥1} x^(2^k) 2^(k-1): the share of empty registers' term; infinite (estimate 0) when all are empty.</summary>
    private static double Sigma(double x)
    {
        if (x == 1) return double.PositiveInfinity;
        var y = 1.0;
        var z = x;
        double previous;
        do
        {
            x *= x;
            previous = z;
            z += x * y;
            y += y;
        }
        while (z != previous);
        return z;
    }

    /// <summary>(1 - x - Σ_{k≥1} (1 - x^(2^-k))² 2^-k) / 3: the saturated registers' term.</summary>
    private static double Tau(double x)
    {
        if (x is 0 or 1) return 0;
        var y = 1.0;
        var z = 1 - x;
        double previous;
        do
        {
            x = Math.Sqrt(x);
            previous = z;
            y *= 0.5;
            z -= (1 - x) * (1 - x) * y;
        }
        while (z != previous);
        return z / 3;
    }
}
