namespace CampaignGrains.Statistics.Tests;

/// <summary>
/// Records in storage were written by earlier builds: each must decode to the counts the same events give
/// today, with its unique counts within three standard errors of the sketches it stored.
/// </summary>
public class EarlierFormatTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Grains => ["campaign", "email", "push"];

    [Theory]
    [MemberData(nameof(Grains))]
    public void Format_2_record_reports_what_its_events_report_today(string grain)
    {
        var (shape, events) = Events(grain);
        var decoded = StatisticsCodec.Decode(Stored(grain), shape);

        AssertSameAsToday(decoded, shape, events);
    }

    [Theory]
    [MemberData(nameof(Grains))]
    public void Format_1_record_is_read_without_its_ledger(string grain)
    {
        // Version 1 was version 2 followed by the idempotency ledger: a count, then (key, fingerprint) pairs.
        var stored = Stored(grain);
        stored[0] = 1;
        var ledger = new MemoryStream();
        using (var writer = new BinaryWriter(ledger))
        {
            writer.Write7BitEncodedInt(2);
            foreach (var value in new ulong[] { 11, 12, 21, 22 }) writer.Write(value);
        }
        var (shape, events) = Events(grain);

        var decoded = StatisticsCodec.Decode([.. stored, .. ledger.ToArray()], shape);

        AssertSameAsToday(decoded, shape, events);
    }

    [Fact]
    public void Reencoded_earlier_record_decodes_to_the_same_views()
    {
        var decoded = StatisticsCodec.Decode(Stored("email"), StatisticsShape.Email);

        var again = StatisticsCodec.Decode(StatisticsCodec.Encode(decoded), StatisticsShape.Email);

        Assert.Equal(ViewText.Of(decoded.ViewLast24Hours(Now)), ViewText.Of(again.ViewLast24Hours(Now)));
        Assert.Equal(ViewText.Of(decoded.ViewAllTime(Now)), ViewText.Of(again.ViewAllTime(Now)));
    }

    private static void AssertSameAsToday(DeliveryStatistics decoded, StatisticsShape shape, IReadOnlyList<StatisticsEvent> events)
    {
        var today = new DeliveryStatistics(shape);
        foreach (var e in events) today.Record(e, Now);

        Assert.Equal(ViewText.Of(today.ViewLast24Hours(Now), withUnique: false), ViewText.Of(decoded.ViewLast24Hours(Now), withUnique: false));
        Assert.Equal(ViewText.Of(today.ViewAllTime(Now), withUnique: false), ViewText.Of(decoded.ViewAllTime(Now), withUnique: false));
        if (!shape.TracksUniqueProfiles) return;

        var liveFrom = Now.AddHours(-23).AddTicks(-(Now.UtcTicks % TimeSpan.TicksPerHour));
        var live = events.Where(e => e.Time >= liveFrom);
        // Earlier formats kept the live hours at precision 10 and all time at precision 12.
        AssertWithin(Distinct(live, Metric.Open, Metric.Click), decoded.ViewLast24Hours(Now).UniqueOpens, 10);
        AssertWithin(Distinct(live, Metric.Click), decoded.ViewLast24Hours(Now).UniqueClicks, 10);
        AssertWithin(Distinct(events, Metric.Open, Metric.Click), decoded.ViewAllTime(Now).UniqueOpens, 12);
        AssertWithin(Distinct(events, Metric.Click), decoded.ViewAllTime(Now).UniqueClicks, 12);
    }

    private static long Distinct(IEnumerable<StatisticsEvent> events, params Metric[] metrics) =>
        events.Where(e => metrics.Contains(e.Metric)).Select(e => e.ProfileHash).Distinct().Count();

    private static void AssertWithin(long expected, long? actual, int precision)
    {
        var allowed = Math.Max(2, expected * 3 * HyperLogLog.RelativeStandardError(precision));
        Assert.True(actual is { } value && Math.Abs(value - expected) <= allowed, $"expected {expected} ± {allowed:0}, got {actual}");
    }

    private static byte[] Stored(string grain) =>
        Convert.FromBase64String(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "StoredRecords", $"{grain}.format2.b64")));

    /// <summary>The events the stored records were written from: three days of random events of the grain's metrics.</summary>
    private static (StatisticsShape Shape, List<StatisticsEvent> Events) Events(string grain)
    {
        var (shape, metrics) = grain switch
        {
            "campaign" => (StatisticsShape.Campaign, new[] { Metric.Entered, Metric.Excluded, Metric.Delivered, Metric.Error }),
            "email" => (StatisticsShape.Email, new[] { Metric.Excluded, Metric.Sent, Metric.Delivered, Metric.HardBounce, Metric.SoftBounce, Metric.IgnoredBounce, Metric.Error, Metric.Open, Metric.Click, Metric.Unsubscribe, Metric.SpamComplaint }),
            _ => (StatisticsShape.Push, new[] { Metric.Excluded, Metric.Sent, Metric.Delivered, Metric.HardBounce, Metric.SoftBounce, Metric.IgnoredBounce, Metric.UntypedBounce, Metric.Error, Metric.Open, Metric.PushAction }),
        };
        var random = new Random(21);
        var events = new List<StatisticsEvent>();
        for (var i = 0; i < 4_000; i++)
        {
            var metric = metrics[random.Next(metrics.Length)];
            var reasons = metric is Metric.Excluded or Metric.Error or Metric.HardBounce or Metric.SoftBounce or Metric.IgnoredBounce or Metric.UntypedBounce;
            events.Add(new StatisticsEvent(metric, Now.AddMinutes(-random.Next(3 * 24 * 60)), ProfileHashes.Of(random.Next(grain == "push" ? 3_000 : 600)),
                Domain: grain == "email" ? $"d{random.Next(80)}.example" : null, Platform: grain == "push" ? $"os{random.Next(20)}" : null,
                Reason: grain != "campaign" && reasons ? $"reason {random.Next(40)}" : null));
        }
        return (shape, events);
    }
}
