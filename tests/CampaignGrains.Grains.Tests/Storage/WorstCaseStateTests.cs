using CampaignGrains.Grains.Ingest;
using CampaignGrains.Grains.Storage;
using CampaignGrains.Grains.Tests.Fixtures;
using CampaignGrains.Statistics;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace CampaignGrains.Grains.Tests.Storage;

/// <summary>
/// Every grain's persisted record at its largest: every bucket used, every breakdown full of the longest
/// keys at three UTF-8 bytes a character, every counter at 2^40, every sketch dense, the ledger full.
/// </summary>
public sealed class WorstCaseStateTests
{
    private const int Limit = 512 * 1024;
    private const long Huge = 1L << 40;
    private static readonly DateTimeOffset Now = TestConfiguration.Start;

    public static TheoryData<string> Grains => ["campaign", "email", "push"];

    [Theory]
    [MemberData(nameof(Grains))]
    public void Worst_case_persisted_state_stays_under_512_KB(string grain)
    {
        var shape = grain switch { "email" => StatisticsShape.Email, "push" => StatisticsShape.Push, _ => StatisticsShape.Campaign };
        var record = new StatisticsRecord
        {
            Payload = StatisticsCodec.Encode(WorstCase(shape), FullLedger()),
            Channels = [Channel.Email, Channel.Push],
        };

        var stored = StorageSerializer().Serialize(record).ToMemory().Length;

        TestContext.Current.TestOutputHelper?.WriteLine($"{grain} grain worst case: {stored:N0} bytes ({stored * 100.0 / Limit:0.0} % of 512 KB)");
        Assert.InRange(stored, 1, Limit);
    }

    private static OrleansGrainStorageSerializer StorageSerializer()
    {
        var services = new ServiceCollection()
            .AddSerializer(serializer => serializer.AddAssembly(typeof(StatisticsRecord).Assembly))
            .BuildServiceProvider();
        return new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>());
    }

    private static BatchLedger FullLedger()
    {
        var ledger = new BatchLedger();
        var random = new Random(1);
        for (var i = 0; i < ledger.Capacity; i++) ledger.Remember((ulong)random.NextInt64(), (ulong)random.NextInt64());
        return ledger;
    }

    private static DeliveryStatistics WorstCase(StatisticsShape shape)
    {
        var statistics = new DeliveryStatistics(shape) { Totals = Full(~(ushort)0) };
        var currentBucket = TimeBuckets.IndexOf(Now, TimeBuckets.Live);
        for (var bucket = currentBucket - LiveSeries.SlotCount + 1; bucket <= currentBucket; bucket++) statistics.Live.Restore(bucket, Full(~(ushort)0));
        var today = TimeBuckets.IndexOf(Now, TimeBuckets.Day);
        for (var day = today - DailySeries.MaxDays + 1; day <= today; day++) statistics.Daily.Restore(day, Full(~(ushort)0));

        var currentHour = TimeBuckets.IndexOf(Now, TimeBuckets.Hour);
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
        FillEntry(breakdown.Other, breakdown.Metrics, currentHour);
        for (var i = 0; i < breakdown.Capacity; i++)
        {
            var entry = new BreakdownEntry(Huge);
            FillEntry(entry, breakdown.Metrics, currentHour);
            breakdown.Restore(i.ToString("D4") + new string('€', keyLength - 4), entry);
        }
    }

    private static void FillEntry(BreakdownEntry entry, MetricMask metrics, long currentHour)
    {
        entry.Totals = Full(metrics.Bits);
        for (var hour = currentHour - HourlyCounts.MaxHours + 1; hour <= currentHour; hour++) entry.Live.Restore(hour, Full(metrics.Bits));
    }

    private static void Fill(UniqueProfiles? unique, long currentHour)
    {
        if (unique is null) return;
        var hours = new List<(long, HyperLogLog)>();
        for (var hour = currentHour - HourlyCounts.MaxHours + 1; hour <= currentHour; hour++) hours.Add((hour, Dense(StatisticsShape.HourlyUniquePrecision)));
        unique.Restore(Dense(StatisticsShape.AllTimeUniquePrecision), hours);
    }

    private static HyperLogLog Dense(int precision)
    {
        var sketch = new HyperLogLog(precision);
        sketch.WritableRegisters.Fill(30);
        return sketch;
    }

    private static MetricCounts Full(int mask)
    {
        var counts = default(MetricCounts);
        for (var i = 0; i < MetricCounts.Length; i++) if ((mask & (1 << i)) != 0) counts[i] = Huge;
        return counts;
    }
}
