namespace CampaignGrains.Api;

/// <summary>Ports and limits of the gRPC gateway. Section "Gateway" of the configuration.</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>Address both ports listen on: loopback on a workstation, 0.0.0.0 in a container.</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>gRPC over HTTP/2 without TLS (h2c). Kestrel speaks h2c only on an HTTP/2-only endpoint.</summary>
    public int GrpcPort { get; set; } = 5001;

    /// <summary>HTTP/1.1: gRPC-Web for browsers, and the /health/live and /health/ready probes.</summary>
    public int WebPort { get; set; } = 5002;

    /// <summary>Largest request message; 10,000 events of typical size take about 2 MB.</summary>
    public int MaxReceiveMessageBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Concurrent HTTP/2 streams (calls) per client connection.</summary>
    public int MaxStreamsPerConnection { get; set; } = 100;

    /// <summary>Most snapshots WatchReport sends per second on one stream; changes in between are coalesced.</summary>
    public double WatchSnapshotsPerSecond { get; set; } = 1;

    /// <summary>Folder holding the built widget bundle, served at /widgets; relative to the application's folder.</summary>
    public string WidgetsDirectory { get; set; } = "widgets";

    /// <summary>Origins allowed to load the widgets and call gRPC-Web from a browser; empty allows none, "*" any.</summary>
    public string[] CorsOrigins { get; set; } = [];
}
