namespace CampaignGrains.Statistics;

/// <summary>
/// The bucket grid every window is made of. Buckets are aligned to the Unix epoch, so a bucket index
/// means the same span on every silo and after every restart.
/// </summary>
public static class TimeBuckets
{
    /// <summary>Width of the live window's chart buckets: the finest zoom of the summary charts.</summary>
    public static readonly TimeSpan Live = TimeSpan.FromMinutes(5);

    /// <summary>Width of the live window's breakdown buckets (reasons, domains, platforms, unique counts).</summary>
    public static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <summary>Width of the all-time chart buckets.</summary>
    public static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary>288 five-minute buckets: the 24 hours before now, the current bucket included.</summary>
    public const int LiveBucketCount = 288;

    /// <summary>24 hourly buckets: the breakdowns' view of the last 24 hours, the current hour included.</summary>
    public const int LiveHourCount = 24;

    /// <summary>How far ahead of the silo clock an event may be stamped (producer clock skew).</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    public static long IndexOf(DateTimeOffset time, TimeSpan width) =>
        Math.DivRem(time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks, width.Ticks, out var rem) - (rem < 0 ? 1 : 0);

    public static DateTimeOffset StartOf(long index, TimeSpan width) =>
        DateTimeOffset.UnixEpoch.AddTicks(index * width.Ticks);
}
