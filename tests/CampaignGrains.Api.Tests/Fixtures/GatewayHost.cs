using CampaignGrains.Api.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;

namespace CampaignGrains.Api.Tests.Fixtures;

/// <summary>A running web host serving the gateway (a silo's or a standalone one) and clients for it.</summary>
public sealed class GatewayHost(WebApplication app, int grpcPort, int webPort) : IAsyncDisposable
{
    public WebApplication App { get; } = app;

    public int GrpcPort { get; } = grpcPort;

    public int WebPort { get; } = webPort;

    public GrpcChannel Channel { get; } = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");

    public IngestService.IngestServiceClient Ingest => new(Channel);

    public ReportService.ReportServiceClient Reports => new(Channel);

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
