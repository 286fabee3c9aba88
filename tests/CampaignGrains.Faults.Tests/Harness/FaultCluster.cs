using System.Net;
using System.Net.Sockets;
using CampaignGrains.Api.Security;

namespace CampaignGrains.Faults.Tests.Harness;

/// <summary>Azurite and several silo processes on loopback, clustered through Azure Table membership.</summary>
internal sealed class FaultCluster : IAsyncDisposable
{
    public static readonly string SigningKey = Convert.ToBase64String("campaigngrains-fault-harness-signing-key"u8);

    private FaultCluster(AzuriteServer azurite, IReadOnlyList<SiloProcess> silos)
    {
        Azurite = azurite;
        Silos = silos;
    }

    public AzuriteServer Azurite { get; }

    public IReadOnlyList<SiloProcess> Silos { get; }

    public static async Task<FaultCluster> StartAsync(int siloCount, CancellationToken cancellationToken)
    {
        var azurite = await AzuriteServer.StartAsync(cancellationToken);
        var clusterId = $"faults-{Guid.NewGuid():N}";
        var silos = Enumerable.Range(0, siloCount).Select(index => new SiloProcess(index, Settings(azurite, clusterId))).ToList();
        var cluster = new FaultCluster(azurite, silos);
        foreach (var silo in silos) await silo.StartAsync(cancellationToken);
        return cluster;
    }

    /// <summary>A token for the harness's producers and readers.</summary>
    public static string Token(string tenant) =>
        DevelopmentTokens.Mint(SigningKey, "campaigngrains", "campaigngrains", tenant, DevelopmentTokens.DefaultScopes, TimeSpan.FromHours(1));

    private static Dictionary<string, string> Settings(AzuriteServer azurite, string clusterId) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ConnectionStrings__Storage"] = azurite.ConnectionString,
        ["Ingest__ProfileHashKey"] = Convert.ToBase64String("campaigngrains-fault-harness-profiles"u8),
        ["Auth__SigningKeys__0"] = SigningKey,
        ["RateLimits__IngestBatchesPerPeriod"] = "100000",
        ["RateLimits__IngestBurst"] = "100000",
        ["RateLimits__ReadsPerPeriod"] = "100000",
        ["RateLimits__ReadBurst"] = "100000",
        ["Cluster__Clustering"] = "AzureTable",
        ["Cluster__ClusterId"] = clusterId,
        ["Cluster__ServiceId"] = "campaigngrains-faults",
        ["Cluster__SiloPort"] = FreePort.Next().ToString(),
        ["Cluster__GatewayPort"] = FreePort.Next().ToString(),
        // Declare a killed silo dead within seconds rather than the production minute.
        ["Cluster__Membership__ProbeTimeout"] = "00:00:01",
        ["Cluster__Membership__NumMissedProbesLimit"] = "2",
        ["Cluster__Membership__NumVotesForDeathDeclaration"] = "1",
        ["Gateway__GrpcPort"] = FreePort.Next().ToString(),
        ["Gateway__WebPort"] = FreePort.Next().ToString(),
        ["Logging__LogLevel__Default"] = "Warning",
    };


    public async ValueTask DisposeAsync()
    {
        foreach (var silo in Silos) await silo.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}
