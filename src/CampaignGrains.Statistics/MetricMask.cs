namespace CampaignGrains.Statistics;

/// <summary>The metrics a breakdown keeps per key; the others are not counted there, which bounds its size.</summary>
public readonly record struct MetricMask(ushort Bits)
{
    public static MetricMask Of(params Metric[] metrics)
    {
        ushort bits = 0;
        foreach (var metric in metrics) bits |= (ushort)(1 << (int)metric);
        return new MetricMask(bits);
    }

    public bool Contains(Metric metric) => (Bits & (1 << (int)metric)) != 0;

    public int Count => System.Numerics.BitOperations.PopCount(Bits);
}
