using CampaignGrains.Api.Security;
using CampaignGrains.Api.Tests.Fixtures;
using CampaignGrains.Api.V1;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Net.Client.Web;
using Grpc.Reflection.V1Alpha;

namespace CampaignGrains.Api.Tests.Hosting;

[Collection(GatewayCollection.Name)]
public sealed class StandardServicesTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Reflection_lists_the_published_services()
    {
        using var call = new ServerReflection.ServerReflectionClient(fixture.Silo.Channel).ServerReflectionInfo(Calls.As(scopes: Scopes.Admin));
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext());

        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(service => service.Name).ToList();

        Assert.Contains("campaigngrains.v1.IngestService", services);
        Assert.Contains("campaigngrains.v1.ReportService", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }

    [Fact]
    public async Task Health_is_serving_while_the_cluster_answers()
    {
        var health = await new Grpc.Health.V1.Health.HealthClient(fixture.Silo.Channel).CheckAsync(new HealthCheckRequest(), Calls.As());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }

    [Fact]
    public async Task Browsers_reach_the_api_over_grpc_web_on_the_http1_port()
    {
        var campaign = Calls.NewCampaignId();
        await fixture.Silo.Ingest.IngestAsync(Calls.Batch(Calls.Email(campaign, EventKind.Sent, fixture.StatisticsTime.GetUtcNow())), Calls.As());
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{fixture.Silo.WebPort}", new GrpcChannelOptions
        {
            HttpHandler = new GrpcWebHandler(GrpcWebMode.GrpcWebText, new HttpClientHandler()),
            HttpVersion = new Version(1, 1),
            HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        });

        var tab = await new ReportService.ReportServiceClient(channel).GetEmailTabAsync(new TabRequest { CampaignId = campaign, Window = Window.AllTime }, Calls.As());

        Assert.Equal(1, tab.Totals.Sent);
    }

    [Theory]
    [InlineData("https://host.example", true)]
    [InlineData("https://elsewhere.example", false)]
    public async Task Cross_origin_calls_are_allowed_only_from_configured_origins(string origin, bool allowed)
    {
        using var http = new HttpClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, $"http://127.0.0.1:{fixture.Silo.WebPort}/campaigngrains.v1.ReportService/GetEmailTab");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-grpc-web");

        using var response = await http.SendAsync(preflight, TestContext.Current.CancellationToken);

        Assert.Equal(allowed, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var origins) && origins.Contains(origin));
    }

    [Fact]
    public async Task Liveness_and_readiness_probes_answer_on_the_http1_port()
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{fixture.Silo.WebPort}") };

        Assert.Equal("Healthy", await http.GetStringAsync("/health/live", TestContext.Current.CancellationToken));
        Assert.Equal("Healthy", await http.GetStringAsync("/health/ready", TestContext.Current.CancellationToken));
    }
}
