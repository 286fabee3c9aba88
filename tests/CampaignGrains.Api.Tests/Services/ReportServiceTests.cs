using CampaignGrains.Api.Tests.Fixtures;
using CampaignGrains.Api.V1;
using Google.Rpc;

namespace CampaignGrains.Api.Tests.Services;

[Collection(GatewayCollection.Name)]
public sealed class ReportServiceTests(GatewayFixture fixture)
{
    private DateTimeOffset Now => fixture.StatisticsTime.GetUtcNow();

    [Fact]
    public async Task Unknown_campaign_is_not_found_on_every_tab()
    {
        var request = new TabRequest { CampaignId = Calls.NewCampaignId(), Window = Window.AllTime };

        foreach (var call in new Func<Task>[]
        {
            () => fixture.Silo.Reports.GetCampaignTabAsync(request, Calls.As()).ResponseAsync,
            () => fixture.Silo.Reports.GetEmailTabAsync(request, Calls.As()).ResponseAsync,
            () => fixture.Silo.Reports.GetPushTabAsync(request, Calls.As()).ResponseAsync,
            () => fixture.Silo.Reports.GetReportAsync(new ReportRequest { CampaignId = request.CampaignId, Window = Window.AllTime }, Calls.As()).ResponseAsync,
        })
        {
            Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(call)).StatusCode);
        }
    }

    [Fact]
    public async Task Another_tenants_campaign_is_not_found()
    {
        var campaign = Calls.NewCampaignId();
        await fixture.Silo.Ingest.IngestAsync(Calls.Batch(Calls.Email(campaign, EventKind.Sent, Now)), Calls.As());

        var error = await Assert.ThrowsAsync<RpcException>(() => fixture.Silo.Reports.GetCampaignTabAsync(
            new TabRequest { CampaignId = campaign, Window = Window.AllTime }, Calls.As(tenant: "someone-else")).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Theory]
    [InlineData("", Window.AllTime, "campaign_id")]
    [InlineData("has/slash", Window.AllTime, "campaign_id")]
    [InlineData("campaign-1", Window.Unspecified, "window")]
    [InlineData("campaign-1", (Window)9, "window")]
    public async Task Bad_request_is_invalid_argument_naming_the_field(string campaignId, Window window, string field)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => fixture.Silo.Reports.GetEmailTabAsync(
            new TabRequest { CampaignId = campaignId, Window = window }, Calls.As()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(field, Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
    }

    [Fact]
    public async Task Empty_rates_are_absent_not_zero()
    {
        var campaign = Calls.NewCampaignId();
        await fixture.Silo.Ingest.IngestAsync(Calls.Batch(Calls.Email(campaign, EventKind.Sent, Now)), Calls.As());

        var tab = await fixture.Silo.Reports.GetEmailTabAsync(new TabRequest { CampaignId = campaign, Window = Window.Last24H }, Calls.As());

        Assert.True(tab.Rates.HasDelivery);
        Assert.False(tab.Rates.HasOpen);
        Assert.False(tab.Rates.HasClickToOpen);
        Assert.Equal(288, tab.Series.Count);
        Assert.Equal(TimeSpan.FromMinutes(5), tab.Span.BucketWidth.ToTimeSpan());
    }

    [Fact]
    public async Task Campaigns_are_listed_per_tenant_in_pages()
    {
        var tenant = $"tenant-{Guid.NewGuid():N}";
        var campaigns = new[] { "alpha", "bravo", "charlie" };
        foreach (var campaign in campaigns)
            await fixture.Silo.Ingest.IngestAsync(Calls.Batch(Calls.Email(campaign, EventKind.Sent, Now)), Calls.As(tenant));

        var first = await fixture.Silo.Reports.ListCampaignsAsync(new ListCampaignsRequest { PageSize = 2 }, Calls.As(tenant));
        var second = await fixture.Silo.Reports.ListCampaignsAsync(new ListCampaignsRequest { PageSize = 2, PageToken = first.NextPageToken }, Calls.As(tenant));
        var elsewhere = await fixture.Silo.Reports.ListCampaignsAsync(new ListCampaignsRequest(), Calls.As($"tenant-{Guid.NewGuid():N}"));

        Assert.Equal(["alpha", "bravo"], first.Campaigns.Select(c => c.CampaignId));
        Assert.Equal(["charlie"], second.Campaigns.Select(c => c.CampaignId));
        Assert.Equal("", second.NextPageToken);
        Assert.Empty(elsewhere.Campaigns);
    }
}
