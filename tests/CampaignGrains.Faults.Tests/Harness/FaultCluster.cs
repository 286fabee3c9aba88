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

    /// <param name="firstStart">Settings every silo gets on its first start only (see <see cref="SiloProcess.StartAsync"/>).</param>
    public static async Task<FaultCluster> StartAsync(int siloCount, CancellationToken cancellationToken, IReadOnlyDictionary<string, string?>? firstStart = null)
    {
        var azurite = await AzuriteServer.StartAsync(cancellationToken);
        var clusterId = $"faults-{Guid.NewGuid():N}";
        var silos = Enumerable.Range(0, siloCount).Select(index => new SiloProcess(index, ClusterSettings.KillableSilo(
            azurite, "campaigngrains-faults", clusterId, SigningKey, Convert.ToBase64String("campaigngrains-fault-harness-profiles"u8)))).ToList();
        var cluster = new FaultCluster(azurite, silos);
        foreach (var silo in silos) await silo.StartAsync(cancellationToken, firstStart);
        return cluster;
    }

    /// <summary>A token for the harness's producers and readers.</summary>
    public static string Token(string tenant) =>
        DevelopmentTokens.Mint(SigningKey, "campaigngrains", "campaigngrains", tenant, DevelopmentTokens.DefaultScopes, TimeSpan.FromHours(1));

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in Silos) await silo.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}
