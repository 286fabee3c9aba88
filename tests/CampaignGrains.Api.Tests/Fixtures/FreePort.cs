using System.Net;
using System.Net.Sockets;

namespace CampaignGrains.Api.Tests.Fixtures;

internal static class FreePort
{
    /// <summary>A loopback port nothing listens on right now; every test host gets its own.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
