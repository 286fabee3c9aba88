using System.Numerics;

namespace CampaignGrains.Statistics;

/// <summary>
/// Distinct-count estimate over 64-bit hashes (Flajolet et al. 2007, with linear counting for small
/// cardinalities). Relative standard error is 1.04 / sqrt(2^precision): 1.63 % at precision 12,
/// 3.25 % at precision 10. Only register maxima are kept, never the hashed values.
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

    public static double RelativeStandardError(int precision) => 1.04 / Math.Sqrt(1 << precision);

    internal ReadOnlySpan<byte> Registers => _registers;

    internal Span<byte> WritableRegisters => _registers;

    public void Add(ulong hash)
    {
        var index = (int)(hash >> (64 - Precision));
        var rest = hash << Precision;
        var rank = (byte)Math.Min(BitOperations.LeadingZeroCount(rest) + 1, 64 - Precision + 1);
        if (rank > _registers[index]) _registers[index] = rank;
    }

    /// <summary>Folds another sketch of the same precision into this one (union of the two sets).</summary>
    public void UnionWith(HyperLogLog other)
    {
        if (other.Precision != Precision) throw new ArgumentException("Precisions differ.", nameof(other));
        for (var i = 0; i < _registers.Length; i++)
        {
            if (other._registers[i] > _registers[i]) _registers[i] = other._registers[i];
        }
    }

    public long Estimate()
    {
        var m = _registers.Length;
        double sum = 0;
        var zeros = 0;
        foreach (var register in _registers)
        {
            sum += Math.ScaleB(1, -register);
            if (register == 0) zeros++;
        }

        var alpha = m switch
        {
            16 => 0.673,
            32 => 0.697,
            64 => 0.709,
            _ => 0.7213 / (1 + 1.079 / m),
        };
        var raw = alpha * m * m / sum;
        if (raw <= 2.5 * m && zeros > 0) raw = m * Math.Log((double)m / zeros);
        return (long)Math.Round(raw);
    }
}
