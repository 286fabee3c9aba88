namespace CampaignGrains.Statistics.Tests;

public class DeliveryStatisticsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 2, 30, TimeSpan.Zero);

    [Fact]
    public void Rolling_the_clock_moves_events_out_of_the_live_window_but_not_out_of_all_time()
    {
        var statistics = new DeliveryStatistics(StatisticsShape.Email);
        statistics.Record(new StatisticsEvent(Metric.Sent, Now.AddHours(-23), 1, Domain: "example.com"), Now);
        statistics.Record(new StatisticsEvent(Metric.Sent, Now.AddMinutes(-1), 2, Domain: "example.com"), Now);

        Assert.Equal(2, statistics.ViewLast24Hours(Now).Totals[Metric.Sent]);

        var later = Now.AddHours(2);
        Assert.Equal(1, statistics.ViewLast24Hours(later).Totals[Metric.Sent]);
        Assert.Equal(1, statistics.ViewLast24Hours(later).Domains!.Rows.Single().Counts[Metric.Sent]);
        Assert.Equal(2, statistics.ViewAllTime(later).Totals[Metric.Sent]);

        var muchLater = Now.AddDays(2);
        Assert.Equal(0, statistics.ViewLast24Hours(muchLater).Totals[Metric.Sent]);
        Assert.Empty(statistics.ViewLast24Hours(muchLater).Domains!.Rows);
        Assert.Equal(2, statistics.ViewAllTime(muchLater).Totals[Metric.Sent]);
    }

    [Fact]
    public void Late_event_older_than_the_window_counts_in_all_time_only()
    {
        var statistics = new DeliveryStatistics(StatisticsShape.Email);
        statistics.Record(new StatisticsEvent(Metric.Delivered, Now.AddDays(-6), 1), Now);

        Assert.Equal(0, statistics.ViewLast24Hours(Now).Totals[Metric.Delivered]);
        var allTime = statistics.ViewAllTime(Now);
        Assert.Equal(1, allTime.Totals[Metric.Delivered]);
        Assert.Equal(1, allTime.Series.Single(point => point.Start == new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero)).Counts[Metric.Delivered]);
    }

    [Fact]
    public void Out_of_order_events_land_in_their_own_bucket()
    {
        var statistics = new DeliveryStatistics(StatisticsShape.Email);
        statistics.Record(new StatisticsEvent(Metric.Open, Now, 1), Now);
        statistics.Record(new StatisticsEvent(Metric.Open, Now.AddHours(-3), 2), Now);

        var view = statistics.ViewLast24Hours(Now);
        Assert.Equal(TimeBuckets.LiveBucketCount, view.Series.Count);
        var bucketStart = TimeBuckets.StartOf(TimeBuckets.IndexOf(Now.AddHours(-3), TimeBuckets.Live), TimeBuckets.Live);
        Assert.Equal(1, view.Series.Single(point => point.Start == bucketStart).Counts[Metric.Open]);
        Assert.Equal(1, view.Series[^1].Counts[Metric.Open]);
    }

    [Fact]
    public void Live_window_is_288_five_minute_buckets_ending_with_the_current_one()
    {
        var view = new DeliveryStatistics(StatisticsShape.Email).ViewLast24Hours(Now);

        Assert.Equal(new DateTimeOffset(2026, 11, 28, 12, 5, 0, TimeSpan.Zero), view.To);
        Assert.Equal(view.To - TimeSpan.FromHours(24), view.From);
        Assert.Equal(TimeBuckets.Live, view.BucketWidth);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 13, 0, 0, TimeSpan.Zero), view.BreakdownFrom);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 13, 0, 0, TimeSpan.Zero), view.BreakdownTo);
    }

    [Fact]
    public void A_click_counts_as_a_unique_open()
    {
        var statistics = new DeliveryStatistics(StatisticsShape.Email);
        statistics.Record(new StatisticsEvent(Metric.Click, Now, ProfileHashes.Of(42)), Now);
        statistics.Record(new StatisticsEvent(Metric.Open, Now, ProfileHashes.Of(42)), Now);
        statistics.Record(new StatisticsEvent(Metric.Open, Now, ProfileHashes.Of(43)), Now);

        var view = statistics.ViewAllTime(Now);
        Assert.Equal(2, view.UniqueOpens);
        Assert.Equal(1, view.UniqueClicks);
    }

    [Fact]
    public void All_time_unique_counts_never_exceed_the_events_they_count()
    {
        // One click per profile: whenever the estimate overshoots (the live view shows it unbounded), all time is held to the clicks.
        var statistics = new DeliveryStatistics(StatisticsShape.Email);
        var overshoots = 0;
        for (var profile = 1; profile <= 3_000; profile++)
        {
            statistics.Record(new StatisticsEvent(Metric.Click, Now, ProfileHashes.Of(profile)), Now);
            if (statistics.ViewLast24Hours(Now).UniqueClicks > profile) overshoots++;
            var allTime = statistics.ViewAllTime(Now);
            Assert.True(allTime.UniqueClicks <= profile, $"{allTime.UniqueClicks} unique clicks from {profile} clicks");
            Assert.True(allTime.UniqueOpens <= profile, $"{allTime.UniqueOpens} unique opens from {profile} clicks");
        }
        Assert.True(overshoots > 0, "the estimate never overshot: the bound was not exercised");
    }

    [Fact]
    public void All_time_chart_keeps_the_last_400_days_and_totals_keep_everything()
    {
        var statistics = new DeliveryStatistics(StatisticsShape.Campaign);
        for (var day = 0; day < 500; day++) statistics.Record(new StatisticsEvent(Metric.Entered, Now.AddDays(-day), 1), Now);

        var view = statistics.ViewAllTime(Now);
        Assert.Equal(500, view.Totals[Metric.Entered]);
        Assert.Equal(DailySeries.MaxDays, view.Series.Count);
        Assert.All(view.Series, point => Assert.Equal(1, point.Counts[Metric.Entered]));
    }

    [Fact]
    public void An_event_of_a_metric_the_grain_does_not_count_is_not_counted_anywhere()
    {
        var statistics = new DeliveryStatistics(StatisticsShape.Campaign);
        statistics.Record(new StatisticsEvent(Metric.Open, Now, 1), Now);
        statistics.Record(new StatisticsEvent(Metric.Delivered, Now, 1), Now);

        var live = statistics.ViewLast24Hours(Now);
        Assert.Equal(0, live.Totals[Metric.Open]);
        Assert.Equal(1, live.Totals[Metric.Delivered]);
        Assert.Equal(0, statistics.ViewAllTime(Now).Totals[Metric.Open]);
        Assert.Equal(0, statistics.ViewAllTime(Now).Series.Single().Counts[Metric.Open]);
    }

    [Fact]
    public void A_stored_bucket_the_packed_counters_cannot_hold_is_refused()
    {
        var live = new LiveSeries(StatisticsShape.Campaign.Metrics);
        var open = default(MetricCounts);
        open[Metric.Open] = 1;
        var overflowing = default(MetricCounts);
        overflowing[Metric.Delivered] = uint.MaxValue + 1L;

        Assert.Throws<InvalidDataException>(() => live.Restore(100, open));
        Assert.Throws<InvalidDataException>(() => live.Restore(100, overflowing));
    }

    [Fact]
    public void Buckets_before_the_epoch_and_across_hours_keep_their_own_counts()
    {
        var live = new LiveSeries(StatisticsShape.Email.Metrics);
        foreach (var bucket in new long[] { -13, -12, -1, 0, 11, 12 }) live.Add(bucket, Metric.Sent);
        live.Add(12, Metric.Click);

        foreach (var bucket in new long[] { -13, -12, -1, 0, 11 }) Assert.Equal(1, live.Get(bucket)[Metric.Sent]);
        Assert.Equal((1, 1, 0), (live.Get(12)[Metric.Sent], live.Get(12)[Metric.Click], live.Get(13)[Metric.Sent]));
    }
}
