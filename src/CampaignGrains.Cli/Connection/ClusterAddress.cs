namespace CampaignGrains.Cli.Connection;

/// <summary>Where campaignctl calls and whether it has a token: what error messages need to say.</summary>
internal sealed record ClusterAddress(Uri Uri, bool HasToken)
{
    /// <summary>As a person would type it: http://127.0.0.1:5001, without the trailing slash Uri adds.</summary>
    public string Address => Uri.ToString().TrimEnd('/');
}
