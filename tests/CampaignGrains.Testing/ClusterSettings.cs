namespace CampaignGrains.Testing;

/// <summary>
/// The configuration the tests and the benchmark give the hosts they start on Azurite: one place for the
/// names the hosts bind (see SiloOptions, GatewayOptions, AuthOptions, RateLimitOptions).
/// </summary>
public static class ClusterSettings
{
    /// <summary>
    /// What a gateway of a cluster on <paramref name="azurite"/> needs: storage and Azure Table clustering, its two
    /// ports, the key its tokens are signed with, and tenant rate limits of <paramref name="rateLimit"/>, far above
    /// what a test sends unless it lowers them on a host of its own.
    /// </summary>
    public static Dictionary<string, string?> Gateway(
        AzuriteServer azurite, string serviceId, string clusterId, int grpcPort, int webPort, string signingKey, int rateLimit = 100_000) => new()
    {
        ["ConnectionStrings:Storage"] = azurite.ConnectionString,
        ["Cluster:Clustering"] = "AzureTable",
        ["Cluster:ClusterId"] = clusterId,
        ["Cluster:ServiceId"] = serviceId,
        ["Gateway:GrpcPort"] = grpcPort.ToString(),
        ["Gateway:WebPort"] = webPort.ToString(),
        ["Auth:SigningKeys:0"] = signingKey,
        ["RateLimits:IngestBatchesPerPeriod"] = rateLimit.ToString(),
        ["RateLimits:IngestBurst"] = rateLimit.ToString(),
        ["RateLimits:ReadsPerPeriod"] = rateLimit.ToString(),
        ["RateLimits:ReadBurst"] = rateLimit.ToString(),
    };

    /// <summary>A silo's: the gateway's it co-hosts, Orleans ports of its own, and the key profile ids are hashed with.</summary>
    public static Dictionary<string, string?> Silo(
        AzuriteServer azurite, string serviceId, string clusterId, int grpcPort, int webPort, string signingKey, string profileHashKey, int rateLimit = 100_000)
    {
        var settings = Gateway(azurite, serviceId, clusterId, grpcPort, webPort, signingKey, rateLimit);
        settings["Cluster:SiloPort"] = FreePort.Next().ToString();
        settings["Cluster:GatewayPort"] = FreePort.Next().ToString();
        settings["Ingest:ProfileHashKey"] = profileHashKey;
        return settings;
    }

    /// <summary>
    /// A silo run as its own process (<see cref="SiloProcess"/>) to be killed: a silo's settings on free ports, with
    /// membership that declares a killed silo dead within seconds rather than the production minute.
    /// </summary>
    public static Dictionary<string, string?> KillableSilo(
        AzuriteServer azurite, string serviceId, string clusterId, string signingKey, string profileHashKey, int rateLimit = 100_000)
    {
        var settings = Silo(azurite, serviceId, clusterId, FreePort.Next(), FreePort.Next(), signingKey, profileHashKey, rateLimit);
        settings["Cluster:Membership:ProbeTimeout"] = "00:00:01";
        settings["Cluster:Membership:NumMissedProbesLimit"] = "2";
        settings["Cluster:Membership:NumVotesForDeathDeclaration"] = "1";
        return settings;
    }
}
