using CampaignGrains.Api.V1;
using Grpc.Net.Client;

namespace CampaignGrains.Api.Tests.Fixtures;

/// <summary>A running gateway (a silo's, or a standalone process) and clients for it.</summary>
public sealed class GatewayHost(int grpcPort, int webPort, Func<ValueTask> stop) : IAsyncDisposable
{
    public int GrpcPort { get; } = grpcPort;

    public int WebPort { get; } = webPort;

    public GrpcChannel Channel { get; } = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");

    public IngestService.IngestServiceClient Ingest => new(Channel);

    public ReportService.ReportServiceClient Reports => new(Channel);

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await stop();
    }
}
