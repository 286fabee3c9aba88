using CampaignGrains.Api.Tests.Fixtures;
using CampaignGrains.Api.V1;
using Grpc.Health.V1;

namespace CampaignGrains.Api.Tests.Hosting;

[Collection(GatewayCollection.Name)]
public sealed class StandaloneGatewayTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Standalone_gateway_serves_the_same_report_as_the_cohosted_one()
    {
        var campaign = Calls.NewCampaignId();
        var now = fixture.StatisticsTime.GetUtcNow();
        await fixture.Silo.Ingest.IngestAsync(Calls.Batch(
            Calls.Email(campaign, EventKind.Sent, now), Calls.Email(campaign, EventKind.Delivered, now), Calls.Email(campaign, EventKind.Opened, now)), Calls.As());
        await using var gateway = await fixture.StartStandaloneGatewayAsync(fixture.ClusterId);

        var request = new ReportRequest { CampaignId = campaign, Window = Window.Last24H };
        var viaGateway = await gateway.Reports.GetReportAsync(request, Calls.As());
        var viaSilo = await fixture.Silo.Reports.GetReportAsync(request, Calls.As());

        Assert.Equal(viaSilo, viaGateway);
        Assert.Equal(1, viaGateway.Email.Totals.Opens);
    }

    [Fact]
    public async Task Gateway_is_not_serving_and_calls_are_unavailable_once_the_cluster_is_gone()
    {
        // A cluster of its own, so stopping its only silo leaves the shared one alone.
        var clusterId = $"doomed-{Guid.NewGuid():N}";
        var silo = await fixture.StartSiloAsync(clusterId);
        await using var gateway = await fixture.StartStandaloneGatewayAsync(clusterId);
        var health = new Grpc.Health.V1.Health.HealthClient(gateway.Channel);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest(), Calls.As())).Status);

        await silo.DisposeAsync();

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, (await health.CheckAsync(new HealthCheckRequest(), Calls.As())).Status);
        var error = await Assert.ThrowsAsync<RpcException>(() => gateway.Reports.GetEmailTabAsync(
            new TabRequest { CampaignId = Calls.NewCampaignId(), Window = Window.AllTime }, Calls.As()).ResponseAsync);
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }
}
