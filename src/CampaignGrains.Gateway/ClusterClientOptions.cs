namespace CampaignGrains.Gateway;

/// <summary>How the gateway finds the cluster: section "Cluster", the same the silos read.</summary>
public sealed class ClusterClientOptions
{
    public const string Section = "Cluster";

    /// <summary>"Localhost" (a silo on this machine) or "AzureTable" (the silos' membership table).</summary>
    public string Clustering { get; set; } = "Localhost";

    public string ClusterId { get; set; } = "campaigngrains";

    public string ServiceId { get; set; } = "campaigngrains";

    /// <summary>The local silo's Orleans gateway port, with Localhost clustering.</summary>
    public int GatewayPort { get; set; } = 30000;
}
