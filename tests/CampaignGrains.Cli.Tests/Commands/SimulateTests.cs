using CampaignGrains.Api.V1;
using CampaignGrains.Cli.Simulation;
using CampaignGrains.Cli.Tests.Fixtures;

namespace CampaignGrains.Cli.Tests.Commands;

[Collection(ClusterCollection.Name)]
public sealed class SimulateTests(ClusterFixture cluster)
{
    private static readonly DateTimeOffset End = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_same_seed_generates_the_same_events_and_keys()
    {
        var options = new SimulationOptions("sim", Recipients: 300, Seed: 42, Span: TimeSpan.FromHours(24), End);

        var first = CampaignSimulator.Generate(options);
        var second = CampaignSimulator.Generate(options);
        var otherSeed = CampaignSimulator.Generate(options with { Seed = 43 });

        Assert.Equal(first, second);
        Assert.NotEqual(first, otherSeed);
        Assert.Equal(
            CampaignSimulator.Batches(options, first, 100).Select(batch => batch.IdempotencyKey),
            CampaignSimulator.Batches(options, second, 100).Select(batch => batch.IdempotencyKey));
    }

    [Fact]
    public void Each_journey_is_causally_ordered_within_the_span()
    {
        var options = new SimulationOptions("sim", Recipients: 500, Seed: 3, Span: TimeSpan.FromHours(2), End);

        var events = CampaignSimulator.Generate(options);

        Assert.All(events, e => Assert.InRange(e.Time.ToDateTimeOffset(), End - options.Span, End));
        foreach (var journey in events.GroupBy(e => e.ProfileId))
        {
            var inStepOrder = journey.OrderBy(e => int.Parse(e.EventId.Split('-')[^1])).ToList();
            Assert.Equal(EventKind.Entered, inStepOrder[0].Kind);
            Assert.Equal(inStepOrder.Select(e => e.Time).Order(), inStepOrder.Select(e => e.Time));
        }
        Assert.Contains(events, e => e.Kind == EventKind.Bounced && e.BounceType == BounceType.Soft);
        Assert.Contains(events, e => e.Kind == EventKind.PushAction);
        Assert.Contains(events, e => e.Kind == EventKind.Excluded && e.Channel == Channel.Unspecified);
    }

    [Fact]
    public async Task A_rerun_is_all_duplicates_and_the_report_matches_the_rates_asked_for()
    {
        var campaign = $"simulate-{Guid.NewGuid():N}";
        var end = DateTimeOffset.UtcNow;
        string[] args = Simulated.Args(campaign, recipients: 3000, seed: 5, end: end, "--delivery-rate", "0.9", "--bounce-rate", "0.05", "--open-rate", "0.4");
        var generated = CampaignSimulator.Generate(new SimulationOptions(campaign, 3000, 5, TimeSpan.FromHours(6), end, DeliveryRate: 0.9, BounceRate: 0.05, OpenRate: 0.4)).Count;

        var first = await cluster.CtlAsync(args);
        var report = await cluster.ReportAsync(campaign, Window.AllTime);
        var rerun = await cluster.CtlAsync(args);
        var afterRerun = await cluster.ReportAsync(campaign, Window.AllTime);

        Assert.True(first.ExitCode == ExitCodes.Ok, first.ToString());
        Assert.Matches($@"│\s*{generated:N0}\s*│\s*0\s*│\s*0\s*│\s*0\s*│", first.Output);
        Assert.True(rerun.ExitCode == ExitCodes.Ok, rerun.ToString());
        Assert.Matches($@"│\s*0\s*│\s*{generated:N0}\s*│\s*0\s*│\s*0\s*│", rerun.Output);
        Assert.Equal(Without.Spans(report), Without.Spans(afterRerun));

        Assert.Equal(3000, report.Campaign.Entered);
        var (email, push) = (report.Email, report.Push);
        Assert.InRange((double)email.Totals.Sent / (email.Totals.Sent + push.Totals.Sent), 0.65, 0.75);
        Assert.InRange(email.Rates.Delivery, 0.86, 0.94);
        Assert.InRange(email.Rates.Bounce, 0.03, 0.07);
        Assert.InRange(push.Rates.Delivery, 0.85, 0.95);
        // Unique opens are a HyperLogLog estimate (a few percent), on top of sampling noise.
        Assert.InRange(email.Rates.Open, 0.33, 0.47);
        Assert.InRange(email.Rates.ClickThrough, 0.05, 0.11);
        Assert.True(email.Totals.HardBounces > email.Totals.IgnoredBounces);
        Assert.Contains(email.Domains.Domains, domain => domain.Domain == "gmail.com");
        Assert.Equal(["android", "ios", "web"], push.Platforms.Platforms.Select(platform => platform.Platform).Order());
    }
}
