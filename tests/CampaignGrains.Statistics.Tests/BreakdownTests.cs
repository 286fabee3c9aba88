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
}
