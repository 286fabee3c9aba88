using CampaignGrains.Api.Tests.Fixtures;
using CampaignGrains.Api.V1;

namespace CampaignGrains.Api.Tests.Security;

/// <summary>The tenant comes from the token alone: no call reaches another tenant's campaign.</summary>
[Collection(GatewayCollection.Name)]
public sealed class TenantIsolationTests(GatewayFixture fixture)
{
    private const string Owner = "tenant-owner";
    private const string Intruder = "tenant-intruder";

    [Fact]
    public async Task Every_report_call_for_another_tenants_campaign_is_not_found()
    {
        var campaign = await OwnedCampaignAsync();
        var reports = fixture.Silo.Reports;
        var tab = new TabRequest { CampaignId = campaign, Window = Window.AllTime };
        var report = new ReportRequest { CampaignId = campaign, Window = Window.AllTime };

        foreach (var call in new Func<Task>[]
        {
            () => reports.GetCampaignTabAsync(tab, Calls.As(Intruder)).ResponseAsync,
            () => reports.GetEmailTabAsync(tab, Calls.As(Intruder)).ResponseAsync,
            () => reports.GetPushTabAsync(tab, Calls.As(Intruder)).ResponseAsync,
            () => reports.GetReportAsync(report, Calls.As(Intruder)).ResponseAsync,
            async () =>
            {
                using var watch = reports.WatchReport(report, Calls.As(Intruder));
                await watch.ResponseStream.MoveNext();
            },
        })
        {
            Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(call)).StatusCode);
        }
        var listed = await reports.ListCampaignsAsync(new ListCampaignsRequest { PageSize = 500 }, Calls.As(Intruder));
        Assert.DoesNotContain(listed.Campaigns, c => c.CampaignId == campaign);
    }

    [Fact]
    public async Task Writing_another_tenants_campaign_id_lands_in_the_writers_own_tenant()
    {
        var campaign = await OwnedCampaignAsync();

        await fixture.Silo.Ingest.IngestAsync(Calls.Batch(Calls.Email(campaign, EventKind.Sent, fixture.StatisticsTime.GetUtcNow())), Calls.As(Intruder));

        var owners = await fixture.Silo.Reports.GetEmailTabAsync(new TabRequest { CampaignId = campaign, Window = Window.AllTime }, Calls.As(Owner));
        var intruders = await fixture.Silo.Reports.GetEmailTabAsync(new TabRequest { CampaignId = campaign, Window = Window.AllTime }, Calls.As(Intruder));
        Assert.Equal((1, 1), (owners.Totals.Sent, intruders.Totals.Sent));
        Assert.Equal(1, owners.Totals.Delivered);
        Assert.Equal(0, intruders.Totals.Delivered);
    }

    [Fact]
    public async Task Streaming_another_tenants_campaign_id_lands_in_the_writers_own_tenant()
    {
        var campaign = await OwnedCampaignAsync();

        using (var stream = fixture.Silo.Ingest.IngestStream(Calls.As(Intruder)))
        {
            await stream.RequestStream.WriteAsync(Calls.Batch(Calls.Email(campaign, EventKind.Opened, fixture.StatisticsTime.GetUtcNow())));
            await stream.RequestStream.CompleteAsync();
            Assert.True(await stream.ResponseStream.MoveNext());
        }

        var owners = await fixture.Silo.Reports.GetEmailTabAsync(new TabRequest { CampaignId = campaign, Window = Window.AllTime }, Calls.As(Owner));
        Assert.Equal(0, owners.Totals.Opens);
    }

    private async Task<string> OwnedCampaignAsync()
    {
        var campaign = Calls.NewCampaignId();
        var now = fixture.StatisticsTime.GetUtcNow();
        await fixture.Silo.Ingest.IngestAsync(Calls.Batch(Calls.Email(campaign, EventKind.Sent, now), Calls.Email(campaign, EventKind.Delivered, now)), Calls.As(Owner));
        return campaign;
    }
}
