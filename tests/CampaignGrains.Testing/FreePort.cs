using System.Net;
using System.Net.Sockets;

namespace CampaignGrains.Testing;

public static class FreePort
{
    // Below Linux's ephemeral range (32768-60999), where the kernel picks the local ports of outgoing
    // connections: a port handed out here cannot be taken by a test's own client sockets before its host binds it.
    private const int First = 20_000;
    private const int Last = 32_000;
    private static readonly HashSet<int> HandedOut = [];

    /// <summary>A loopback port nothing listens on right now, never handed out twice in this process: every test host binds ports of its own.</summary>
    public static int Next()
    {
        lock (HandedOut)
        {
            for (var attempt = 0; attempt < 1_000; attempt++)
            {
                var port = Random.Shared.Next(First, Last);
                if (HandedOut.Add(port) && IsFree(port)) return port;
            }
        }
        throw new InvalidOperationException($"No free port found between {First} and {Last}.");
    }

    /// <summary>Whether nothing listens on <paramref name="port"/> on loopback right now.</summary>
    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
