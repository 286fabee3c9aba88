namespace CampaignGrains.Statistics.Tests;

public class StatisticsCodecTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Decoded_state_reports_exactly_what_the_encoded_state_did()
    {
        var statistics = new DeliveryStatistics(StatisticsShape.Push);
        var random = new Random(11);
        for (var i = 0; i < 5_000; i++)
        {
            var metric = (Metric)random.Next(MetricCounts.Length);
            statistics.Record(new StatisticsEvent(metric, Now.AddMinutes(-random.Next(3 * 24 * 60)), ProfileHashes.Of(random.Next(800)),
                Platform: $"os{random.Next(20)}", Reason: $"reason {random.Next(50)}"), Now);
        }

        var decoded = StatisticsCodec.Decode(StatisticsCodec.Encode(statistics), StatisticsShape.Push);

        AssertSameView(statistics.ViewLast24Hours(Now), decoded.ViewLast24Hours(Now));
        AssertSameView(statistics.ViewAllTime(Now), decoded.ViewAllTime(Now));
    }

    /// <summary>300 profiles keep exact sets (stored as hashes); 800 keep registers stored sparse, 40,000 packed.</summary>
    [Theory]
    [InlineData(300)]
    [InlineData(800)]
    [InlineData(40_000)]
    public void Unique_sketches_decode_to_the_same_counts_in_every_stored_form(int profiles)
    {
        var statistics = new DeliveryStatistics(StatisticsShape.Email);
        var random = new Random(profiles);
        for (var i = 0; i < 3 * profiles; i++)
        {
            var metric = random.Next(3) == 0 ? Metric.Click : Metric.Open;
            statistics.Record(new StatisticsEvent(metric, Now.AddMinutes(-random.Next(2 * 24 * 60)), ProfileHashes.Of(random.Next(profiles))), Now);
        }

        var decoded = StatisticsCodec.Decode(StatisticsCodec.Encode(statistics), StatisticsShape.Email);

        Assert.Equal(ViewText.Of(statistics.ViewLast24Hours(Now)), ViewText.Of(decoded.ViewLast24Hours(Now)));
        Assert.Equal(ViewText.Of(statistics.ViewAllTime(Now)), ViewText.Of(decoded.ViewAllTime(Now)));
        Assert.Equal(statistics.UniqueOpens!.AllTime.IsExact, decoded.UniqueOpens!.AllTime.IsExact);
    }

    [Fact]
    public void Empty_payload_is_a_new_grain() =>
        Assert.Equal(0, StatisticsCodec.Decode([], StatisticsShape.Email).ViewAllTime(Now).Totals[Metric.Sent]);

    [Fact]
    public void Unknown_format_version_is_refused() =>
        Assert.Throws<InvalidDataException>(() => StatisticsCodec.Decode([99], StatisticsShape.Email));

    private static void AssertSameView(StatisticsView expected, StatisticsView actual)
    {
        Assert.Equal(expected.Totals.ToArray(), actual.Totals.ToArray());
        Assert.Equal(expected.Series.Select(p => (p.Start, p.Counts.ToArray())), actual.Series.Select(p => (p.Start, p.Counts.ToArray())), SeriesComparer.Instance);
        Assert.Equal(expected.UniqueOpens, actual.UniqueOpens);
        Assert.Equal(Rows(expected.Platforms), Rows(actual.Platforms));
        Assert.Equal(Rows(expected.ErrorReasons), Rows(actual.ErrorReasons));
        Assert.Equal(Rows(expected.ExcludeReasons), Rows(actual.ExcludeReasons));
        Assert.Equal(Rows(expected.BounceReasons), Rows(actual.BounceReasons));
    }

    private static string Rows(BreakdownView? view) =>
        view is null ? "" : string.Join(";", view.Rows.OrderBy(row => row.Key, StringComparer.Ordinal)
            .Select(row => $"{row.Key}={string.Join(",", row.Counts.ToArray())}/{row.MaxUndercount}"))
            + $"|other={string.Join(",", view.Other.ToArray())}";

    private sealed class SeriesComparer : IEqualityComparer<(DateTimeOffset, long[])>
    {
        public static readonly SeriesComparer Instance = new();
        public bool Equals((DateTimeOffset, long[]) x, (DateTimeOffset, long[]) y) => x.Item1 == y.Item1 && x.Item2.SequenceEqual(y.Item2);
        public int GetHashCode((DateTimeOffset, long[]) obj) => obj.Item1.GetHashCode();
    }
}
