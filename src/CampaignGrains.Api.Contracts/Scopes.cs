namespace CampaignGrains.Api.Security;

/// <summary>What a token allows, in its space-separated "scope" claim.</summary>
public static class Scopes
{
    public const string EventsWrite = "events:write";
    public const string ReportsRead = "reports:read";
    public const string Admin = "admin";

    public static bool Has(System.Security.Claims.ClaimsPrincipal user, string scope) =>
        user.FindAll("scope").Any(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope));
}
