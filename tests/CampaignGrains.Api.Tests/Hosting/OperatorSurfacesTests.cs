using System.Net;
using System.Net.Http.Headers;
using CampaignGrains.Api.Security;
using CampaignGrains.Api.Tests.Fixtures;
using CampaignGrains.Api.V1;

namespace CampaignGrains.Api.Tests.Hosting;

[Collection(GatewayCollection.Name)]
public sealed class OperatorSurfacesTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Metrics_endpoint_exposes_the_named_instruments_after_an_ingest()
    {
        var campaign = Calls.NewCampaignId();
        await fixture.Silo.Ingest.IngestAsync(Calls.Batch(Calls.Email(campaign, EventKind.Sent, fixture.StatisticsTime.GetUtcNow())), Calls.As());
        await fixture.Silo.Reports.GetEmailTabAsync(new TabRequest { CampaignId = campaign, Window = Window.AllTime }, Calls.As());
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{fixture.Silo.WebPort}") };

        var metrics = await http.GetStringAsync("/metrics", TestContext.Current.CancellationToken);

        foreach (var instrument in new[]
        {
            "campaigngrains_ingest_events_total{", "outcome=\"accepted\"",
            "campaigngrains_ingest_batch_size", "campaigngrains_log_commit_duration_seconds", "campaigngrains_log_appended_total",
            "campaigngrains_report_duration_seconds", "campaigngrains_grains_active", "orleans_",
        })
        {
            Assert.Contains(instrument, metrics);
        }
    }

    [Fact]
    public async Task Orleans_dashboard_requires_the_admin_scope()
    {
        await using var silo = await fixture.StartSiloAsync($"dashboard-{Guid.NewGuid():N}", new Dictionary<string, string?> { ["Dashboard:Enabled"] = "true" });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{silo.WebPort}") };

        async Task<HttpStatusCode> Get(string? token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/");
            if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await Get(null));
        Assert.Equal(HttpStatusCode.Forbidden, await Get(Calls.Token(Calls.Tenant, DevelopmentTokens.DefaultScopes)));
        Assert.Equal(HttpStatusCode.OK, await Get(Calls.Token(Calls.Tenant, [Scopes.Admin])));
    }
}
