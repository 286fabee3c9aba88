using System.Runtime.CompilerServices;

namespace CampaignGrains.Statistics;

/// <summary>One counter per <see cref="Metric"/>, stored inline so buckets pack into flat arrays.</summary>
[InlineArray(Length)]
public struct MetricCounts
{
    public const int Length = 14;

    private long _first;

    public long this[Metric metric]
    {
        readonly get => this[(int)metric];
        set => this[(int)metric] = value;
    }

    public readonly long Bounces =>
        this[Metric.HardBounce] + this[Metric.SoftBounce] + this[Metric.IgnoredBounce] + this[Metric.UntypedBounce];

    public readonly bool IsZero
    {
        get
        {
            foreach (var count in this)
            {
                if (count != 0) return false;
            }
            return true;
        }
    }

    public void Add(in MetricCounts other)
    {
        for (var i = 0; i < Length; i++) this[i] += other[i];
    }
}
