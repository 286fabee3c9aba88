using CampaignGrains.Grains.Ingest;
using CampaignGrains.Grains.Log;
using CampaignGrains.Statistics;

namespace CampaignGrains.Testing;

/// <summary>
/// A grain's statistics at their largest: every bucket used for every metric the grain counts, every breakdown
/// full of the longest keys at three UTF-8 bytes a character, every all-time counter at 2^40, every bucket's
/// counter at its 32-bit limit, and every sketch dense (its registers take more memory than the largest exact
/// set, and as much storage).
/// </summary>
public static class WorstCaseStatistics
{
    private const long Huge = 1L << 40;

    /// <summary>A log position per shard, for the most shards a deployment may have, each at its largest.</summary>
    public static long[] AppliedPositions() => Enumerable.Repeat(long.MaxValue, IngestLogOptions.MaxShards).ToArray();

    public static DeliveryStatistics Build(StatisticsShape shape, DateTimeOffset now)
    {
        var statistics = new DeliveryStatistics(shape) { Totals = Full(shape.Metrics, Huge) };
        var currentBucket = TimeBuckets.IndexOf(now, TimeBuckets.Live);
        for (var bucket = currentBucket - LiveSeries.BucketCount + 1; bucket <= currentBucket; bucket++) statistics.Live.Restore(bucket, Full(shape.Metrics, uint.MaxValue));
        var today = TimeBuckets.IndexOf(now, TimeBuckets.Day);
        for (var day = today - DailySeries.MaxDays + 1; day <= today; day++) statistics.Daily.Restore(day, Full(shape.Metrics, Huge));

        var currentHour = TimeBuckets.IndexOf(now, TimeBuckets.Hour);
        Fill(statistics.BounceReasons, FieldLimits.MaxReason, currentHour);
        Fill(statistics.ErrorReasons, FieldLimits.MaxReason, currentHour);
        Fill(statistics.ExcludeReasons, FieldLimits.MaxReason, currentHour);
        Fill(statistics.Domains, FieldLimits.MaxDomain, currentHour);
        Fill(statistics.Platforms, FieldLimits.MaxPlatform, currentHour);
        Fill(statistics.UniqueOpens, currentHour);
        Fill(statistics.UniqueClicks, currentHour);
        return statistics;
    }

    private static void Fill(Breakdown? breakdown, int keyLength, long currentHour)
    {
        if (breakdown is null) return;
        var hours = new List<(long, MetricCounts)>();
        for (var hour = currentHour - Breakdown.MaxLiveHours + 1; hour <= currentHour; hour++) hours.Add((hour, Full(breakdown.Metrics, uint.MaxValue)));
        breakdown.Restore(new BreakdownSlot(null, 0, Full(breakdown.Metrics, Huge), hours));
        for (var i = 0; i < breakdown.Capacity; i++)
        {
            breakdown.Restore(new BreakdownSlot(i.ToString("D4") + new string('€', keyLength - 4), Huge, Full(breakdown.Metrics, Huge), hours));
        }
    }

    private static void Fill(UniqueProfiles? unique, long currentHour)
    {
        if (unique is null) return;
        var hours = new List<(long, UniqueSketch)>();
        for (var hour = currentHour - Breakdown.MaxLiveHours + 1; hour <= currentHour; hour++) hours.Add((hour, Dense(StatisticsShape.HourlyUniquePrecision)));
        unique.Restore(Dense(StatisticsShape.AllTimeUniquePrecision), hours);
    }

    private static UniqueSketch Dense(int precision)
    {
        var registers = new HyperLogLog(precision);
        registers.WritableRegisters.Fill(30);
        return UniqueSketch.FromRegisters(registers);
    }

    private static MetricCounts Full(MetricMask metrics, long count)
    {
        var counts = default(MetricCounts);
        for (var i = 0; i < MetricCounts.Length; i++) if (metrics.Contains((Metric)i)) counts[i] = count;
        return counts;
    }
}
