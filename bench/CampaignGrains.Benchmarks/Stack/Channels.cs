namespace CampaignGrains.Benchmarks.Stack;

internal static class Channels
{
    /// <summary>
    /// h2c to a loopback port, allowed to open more connections once one holds its 100 streams, as
    /// separate producers would.
    /// </summary>
    public static GrpcChannel Open(int port) => GrpcChannel.ForAddress($"http://127.0.0.1:{port}", new GrpcChannelOptions
    {
        HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
        MaxReceiveMessageSize = 64 * 1024 * 1024,
        MaxSendMessageSize = 64 * 1024 * 1024,
    });
}
