namespace CampaignGrains.Api.Security;

/// <summary>How callers prove who they are. Section "Auth" of the configuration.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>OpenID Connect authority whose published keys sign production tokens (optional).</summary>
    public string? Authority { get; set; }

    /// <summary>Expected "iss" of tokens signed with <see cref="SigningKeys"/> or the development key.</summary>
    public string Issuer { get; set; } = "campaigngrains";

    /// <summary>Expected "aud" of every token.</summary>
    public string Audience { get; set; } = "campaigngrains";

    /// <summary>Base64 HMAC-SHA256 keys (at least 32 bytes) that sign tokens, for deployments without an authority.</summary>
    public string[] SigningKeys { get; set; } = [];

    /// <summary>
    /// The development issuer's key (base64). Accepted in the Development environment only: any other
    /// environment refuses to start while it is set.
    /// </summary>
    public string? DevelopmentSigningKey { get; set; }

    /// <summary>The claim naming the caller's tenant.</summary>
    public string TenantClaim { get; set; } = "tenant";
}
