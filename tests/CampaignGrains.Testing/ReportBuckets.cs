namespace CampaignGrains.Testing;

/// <summary>Time buckets aligned to the Unix epoch (UTC).</summary>
public static class ReportBuckets
{
    public static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    public static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary>floor((t - epoch) / width).</summary>
    public static long Index(DateTimeOffset time, TimeSpan width)
    {
        var ticks = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var index = ticks / width.Ticks;
        return ticks % width.Ticks < 0 ? index - 1 : index;
    }

    public static DateTimeOffset Start(long index, TimeSpan width) =>
        new(DateTimeOffset.UnixEpoch.UtcTicks + index * width.Ticks, TimeSpan.Zero);
}
