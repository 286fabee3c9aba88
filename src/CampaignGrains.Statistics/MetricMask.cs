using System.Numerics;

namespace CampaignGrains.Statistics;

/// <summary>
/// The metrics a grain or a breakdown counts; the others are not counted there, which bounds its size.
/// Packed counters keep one column per counted metric, in metric order.
/// </summary>
public readonly record struct MetricMask(ushort Bits)
{
    public static MetricMask Of(params Metric[] metrics)
    {
        ushort bits = 0;
        foreach (var metric in metrics) bits |= (ushort)(1 << (int)metric);
        return new MetricMask(bits);
    }

    public bool Contains(Metric metric) => (Bits & (1 << (int)metric)) != 0;

    public int Count => BitOperations.PopCount(Bits);

    /// <summary>The column of a counted metric in packed counters: how many counted metrics come before it.</summary>
    public int ColumnOf(Metric metric) => BitOperations.PopCount(Bits & ((1u << (int)metric) - 1));
}
