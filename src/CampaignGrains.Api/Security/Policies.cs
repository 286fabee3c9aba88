namespace CampaignGrains.Api.Security;

/// <summary>Authorization policies: a tenant and one scope each.</summary>
public static class Policies
{
    public const string Ingest = "ingest";
    public const string Reports = "reports";
    public const string Admin = "admin";
}
