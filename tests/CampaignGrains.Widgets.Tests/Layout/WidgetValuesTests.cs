using CampaignGrains.Api.V1;
using CampaignGrains.Widgets.Tests.Fixtures;

namespace CampaignGrains.Widgets.Tests.Layout;

[Collection(BrowserCollection.Name)]
public sealed class WidgetValuesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Every_widget_shows_the_numbers_the_api_returns_and_updates_live()
    {
        var campaign = $"c-{Guid.NewGuid():N}";
        await fixture.IngestAsync(CampaignGenerator.Generate(seed: 3, BrowserFixture.Tenant, campaign, DateTimeOffset.UtcNow, eventCount: 4_000).Batches);
        var api = await fixture.Reports.GetReportAsync(new ReportRequest { CampaignId = campaign, Window = Window.AllTime }, fixture.Headers);
        await using var page = await DemoPage.OpenAsync(fixture, $"campaign={campaign}&window=alltime");
        await page.WaitUntilSettledAsync();

        var shown = new List<(string What, string? Expected, string? Actual)>();
        async Task Check(string widget, string metric, long expected, string? row = null) =>
            shown.Add(($"{widget}/{row}/{metric}", expected.ToString(), await page.ValueAsync(widget, metric, row)));

        var c = api.Campaign;
        await Check("campaign-statistics", "entered", c.Entered);
        await Check("campaign-statistics", "excluded", c.Excluded);
        await Check("campaign-statistics", "delivered", c.Delivered);
        await Check("campaign-statistics", "errors", c.Errors);
        var e = api.Email.Totals;
        foreach (var (metric, value) in new[] { ("sent", e.Sent), ("delivered", e.Delivered), ("bounces", e.Bounces), ("errors", e.Errors) })
            await Check("email-sending-statistics", metric, value);
        foreach (var (metric, value) in new[] { ("sent", e.Sent), ("delivered", e.Delivered), ("bounces", e.Bounces), ("errors", e.Errors), ("opens", e.Opens), ("clicks", e.Clicks), ("unsubscribes", e.Unsubscribes), ("spam-complaints", e.SpamComplaints), ("unique-opens", api.Email.UniqueOpens) })
            await Check("email-sending-metrics", metric, value, metric);
        await Check("bounce-categories", "hard-bounces", e.HardBounces, "hard-bounces");
        foreach (var reason in api.Email.BounceReasons.Reasons) await Check("bounce-reasons", "count", reason.Count, reason.Reason);
        foreach (var reason in api.Email.ErrorReasons.Reasons) await Check("email-error-reasons", "count", reason.Count, reason.Reason);
        foreach (var reason in api.Email.ExcludeReasons.Reasons) await Check("email-exclude-reasons", "count", reason.Count, reason.Reason);
        foreach (var domain in api.Email.Domains.Domains.Take(10))
        {
            await Check("top-domains", "sent", domain.Sent, domain.Domain);
            await Check("top-domains", "opens", domain.Opens, domain.Domain);
            await Check("top-domains", "clicks", domain.Clicks, domain.Domain);
        }
        var p = api.Push.Totals;
        foreach (var (metric, value) in new[] { ("sent", p.Sent), ("delivered", p.Delivered), ("bounces", p.Bounces), ("errors", p.Errors), ("opens", p.Opens), ("actions", p.Actions), ("engagements", p.Engagements) })
            await Check("push-sending-performance", metric, value);
        await Check("push-failed", "errors", p.Errors);
        await Check("push-failed", "bounces", p.Bounces);
        foreach (var metric in new[] { ("sent", p.Sent), ("delivered", p.Delivered), ("opens", p.Opens), ("actions", p.Actions) })
            await Check("push-sending-metrics", metric.Item1, metric.Item2, metric.Item1);
        foreach (var reason in api.Push.ErrorReasons.Reasons) await Check("push-error-reasons", "count", reason.Count, reason.Reason);
        foreach (var reason in api.Push.ExcludeReasons.Reasons) await Check("push-exclude-reasons", "count", reason.Count, reason.Reason);
        foreach (var platform in api.Push.Platforms.Platforms) await Check("push-platforms", "sent", platform.Counts.Sent, platform.Platform);

        // Every widget of the dashboard shares one WatchReport stream.
        var streams = await page.Page.EvaluateAsync<int[]>("globalThis.campaignWidgets.activeStreams().map(s => s.subscribers)");
        Assert.True(streams.Length == 1 && streams[0] >= 17, $"streams open: [{string.Join(", ", streams)}] subscribers");

        var wrong = shown.Where(s => s.Expected != s.Actual).Select(s => $"{s.What}: API {s.Expected}, widget {s.Actual}").ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.True(shown.Count > 60, $"only {shown.Count} numbers compared");

        // Live: one more batch reaches the open page through its WatchReport stream, without a reload.
        var now = DateTimeOffset.UtcNow;
        await fixture.IngestAsync([new Abstractions.EventBatch(BrowserFixture.Tenant, $"live-{Guid.NewGuid():N}",
            [new Abstractions.DeliveryEvent("live-1", campaign, Abstractions.Channel.Email, Abstractions.EventKind.Sent, now, "live-profile", "example.com")])]);
        await page.WaitForValueAsync("email-sending-statistics", "sent", e.Sent + 1);
    }
}
