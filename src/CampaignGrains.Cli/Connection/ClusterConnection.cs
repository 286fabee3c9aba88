using CampaignGrains.Api.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace CampaignGrains.Cli.Connection;

/// <summary>A channel to one gateway and the bearer token every call carries.</summary>
internal sealed class ClusterConnection : IDisposable
{
    /// <summary>Bounds a unary call; a slow cluster is reported instead of waited on forever.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    private readonly GrpcChannel _channel;
    private readonly Metadata _headers;

    public ClusterConnection(Uri address, string? token)
    {
        Cluster = new ClusterAddress(address, !string.IsNullOrWhiteSpace(token));
        _channel = GrpcChannel.ForAddress(address);
        _headers = Cluster.HasToken ? new Metadata { { "authorization", $"Bearer {token!.Trim()}" } } : [];
        Ingest = new IngestService.IngestServiceClient(_channel);
        Reports = new ReportService.ReportServiceClient(_channel);
    }

    public ClusterAddress Cluster { get; }

    public IngestService.IngestServiceClient Ingest { get; }

    public ReportService.ReportServiceClient Reports { get; }

    /// <summary>Options of a unary call, bounded by <see cref="CallTimeout"/>.</summary>
    public CallOptions Call(CancellationToken cancellationToken) => new(_headers, DateTime.UtcNow + CallTimeout, cancellationToken);

    /// <summary>Options of a stream that lasts until the user ends it.</summary>
    public CallOptions Stream(CancellationToken cancellationToken) => new(_headers, cancellationToken: cancellationToken);

    public void Dispose() => _channel.Dispose();
}
