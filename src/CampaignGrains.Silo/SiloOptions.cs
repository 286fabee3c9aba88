namespace CampaignGrains.Silo;

/// <summary>How the silo joins its cluster. Section "Cluster" of the configuration (not "Orleans", which Orleans reads itself); the standalone gateway reads the same section.</summary>
public sealed class SiloOptions
{
    public const string Section = "Cluster";

    /// <summary>"Localhost" (one silo, development) or "AzureTable" (every silo on the same storage account).</summary>
    public string Clustering { get; set; } = "Localhost";

    public string ClusterId { get; set; } = "campaigngrains";

    public string ServiceId { get; set; } = "campaigngrains";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos reach this one at (the pod IP in Kubernetes); loopback if unset.</summary>
    public string? AdvertisedIPAddress { get; set; }
}
