namespace CampaignGrains.Statistics.Tests;

public class BreakdownTests
{
    private static readonly MetricMask Bounces = StatisticsShape.BounceReasonMetrics;

    [Fact]
    public void Keys_within_capacity_are_counted_exactly()
    {
        var breakdown = new Breakdown(4, Bounces);
        for (var i = 0; i < 10; i++) breakdown.Add($"reason {i % 4}", Metric.HardBounce, null, 0);

        var view = breakdown.View(null, 0);

        Assert.True(view.IsExact);
        Assert.Equal([3, 3, 2, 2], view.Rows.OrderBy(row => row.Key).Select(row => row.Counts[Metric.HardBounce]));
        Assert.All(view.Rows, row => Assert.Equal(0, row.MaxUndercount));
    }

    [Fact]
    public void Metrics_outside_the_mask_are_not_counted()
    {
        var breakdown = new Breakdown(4, Bounces);
        breakdown.Add("reason", Metric.Open, null, 0);

        Assert.Empty(breakdown.View(null, 0).Rows);
    }

    [Fact]
    public void Rows_and_other_always_sum_to_every_keyed_event()
    {
        var breakdown = new Breakdown(8, Bounces);
        var random = new Random(3);
        const int events = 5_000;
        for (var i = 0; i < events; i++) breakdown.Add($"reason {random.Next(40)}", Metric.SoftBounce, null, 0);

        var view = breakdown.View(null, 0);

        Assert.False(view.IsExact);
        Assert.Equal(events, view.Rows.Sum(row => row.Counts[Metric.SoftBounce]) + view.Other[Metric.SoftBounce]);
    }

    [Fact]
    public void A_heavy_key_keeps_its_row_and_its_undercount_stays_within_the_bound()
    {
        var breakdown = new Breakdown(8, Bounces);
        var random = new Random(5);
        var heavy = 0;
        const int events = 20_000;
        for (var i = 0; i < events; i++)
        {
            // A heavy key that first appears late, among a long tail of rare keys.
            if (i > events / 2 && i % 5 == 0)
            {
                breakdown.Add("Mailbox full", Metric.SoftBounce, null, 0);
                heavy++;
            }
            else
            {
                breakdown.Add($"rare {random.Next(500)}", Metric.SoftBounce, null, 0);
            }
        }

        var row = Assert.Single(breakdown.View(null, 0).Rows, row => row.Key == "Mailbox full");
        var counted = row.Counts[Metric.SoftBounce];
        Assert.InRange(heavy, counted, counted + row.MaxUndercount);
        Assert.True(row.MaxUndercount <= events / 8, $"undercount bound {row.MaxUndercount} exceeds N / capacity");
    }

    [Fact]
    public void Live_view_counts_only_the_requested_hours()
    {
        var breakdown = new Breakdown(4, Bounces);
        breakdown.Add("DNS failure", Metric.HardBounce, 100, 90);
        breakdown.Add("DNS failure", Metric.HardBounce, 101, 90);
        breakdown.Add("DNS failure", Metric.HardBounce, 102, 90);

        var row = Assert.Single(breakdown.View(101, 102).Rows);
        Assert.Equal(2, row.Counts[Metric.HardBounce]);
        Assert.Equal(3, Assert.Single(breakdown.View(null, 0).Rows).Counts[Metric.HardBounce]);
    }

    [Fact]
    public void Live_hours_of_every_key_are_exact_within_capacity_while_hours_come_and_go()
    {
        var breakdown = new Breakdown(8, Bounces);
        var oracle = new List<(string Key, long Hour, Metric Metric)>();
        var random = new Random(11);
        Metric[] metrics = [Metric.HardBounce, Metric.SoftBounce, Metric.IgnoredBounce];
        for (var now = 100L; now < 160; now++)
        {
            var oldest = now - (TimeBuckets.LiveHourCount - 1);
            for (var i = 0; i < 40; i++)
            {
                // Mostly this hour, some late events of earlier live hours, keys joining over time.
                var hour = random.Next(4) == 0 ? now - random.Next(TimeBuckets.LiveHourCount) : now;
                var key = $"reason {random.Next(Math.Min(8, 1 + (int)(now - 100) / 5))}";
                var metric = metrics[random.Next(metrics.Length)];
                breakdown.Add(key, metric, hour, oldest);
                oracle.Add((key, hour, metric));
            }

            var from = oldest + random.Next(TimeBuckets.LiveHourCount);
            var view = breakdown.View(from, now);
            Assert.True(view.IsExact);
            var expected = oracle.Where(e => e.Hour >= from && e.Hour <= now).GroupBy(e => e.Key)
                .ToDictionary(g => g.Key, g => metrics.Select(m => (long)g.Count(e => e.Metric == m)).ToArray());
            Assert.Equal(expected.Keys.Order(), view.Rows.Select(row => row.Key).Order());
            foreach (var row in view.Rows) Assert.Equal(expected[row.Key], metrics.Select(m => row.Counts[m]));
        }
    }

    [Fact]
    public void An_evicted_key_moves_its_live_hours_to_other_and_every_window_still_sums()
    {
        var breakdown = new Breakdown(4, Bounces);
        var oracle = new List<(long Hour, Metric Metric)>();
        var random = new Random(13);
        Metric[] metrics = [Metric.HardBounce, Metric.SoftBounce, Metric.UntypedBounce];
        for (var now = 1_000L; now < 1_050; now++)
        {
            var oldest = now - (TimeBuckets.LiveHourCount - 1);
            for (var i = 0; i < 30; i++)
            {
                var hour = now - random.Next(3);
                var metric = metrics[random.Next(metrics.Length)];
                breakdown.Add($"reason {random.Next(12)}", metric, hour, oldest);
                oracle.Add((hour, metric));
            }

            var from = oldest + random.Next(TimeBuckets.LiveHourCount);
            var view = breakdown.View(from, now);
            Assert.False(view.IsExact);
            Assert.True(view.Rows.Count <= 4);
            foreach (var metric in metrics)
            {
                var expected = oracle.Count(e => e.Hour >= from && e.Hour <= now && e.Metric == metric);
                Assert.Equal(expected, view.Rows.Sum(row => row.Counts[metric]) + view.Other[metric]);
            }
        }
        var allTime = breakdown.View(null, 0);
        foreach (var metric in metrics) Assert.Equal(oracle.Count(e => e.Metric == metric), allTime.Rows.Sum(row => row.Counts[metric]) + allTime.Other[metric]);
    }

    [Fact]
    public void Counters_past_one_and_two_bytes_keep_every_key_and_hour_exact()
    {
        var breakdown = new Breakdown(4, Bounces);
        const int heavy = 70_000;
        breakdown.Add("light", Metric.SoftBounce, 50, 40);
        for (var i = 0; i < heavy; i++) breakdown.Add("heavy", Metric.HardBounce, 50, 40);
        breakdown.Add("light", Metric.HardBounce, 51, 40);
        breakdown.Add("late", Metric.IgnoredBounce, 49, 40);

        var live = breakdown.View(40, 51).Rows.ToDictionary(row => row.Key, row => row.Counts);
        Assert.Equal(heavy, live["heavy"][Metric.HardBounce]);
        Assert.Equal((1, 1), (live["light"][Metric.SoftBounce], live["light"][Metric.HardBounce]));
        Assert.Equal(1, live["late"][Metric.IgnoredBounce]);
        Assert.Equal(heavy, Assert.Single(breakdown.View(50, 50).Rows, row => row.Key == "heavy").Counts[Metric.HardBounce]);
        Assert.Equal(1, Assert.Single(breakdown.View(51, 51).Rows).Counts[Metric.HardBounce]);
    }
}
