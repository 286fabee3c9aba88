using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CampaignGrains.Api.Security;

/// <summary>Mints short-lived tokens signed with a symmetric key: the development issuer, and tests.</summary>
public static class DevelopmentTokens
{
    public static readonly string[] DefaultScopes = [Scopes.EventsWrite, Scopes.ReportsRead];

    /// <summary>
    /// The development issuer's key, as appsettings.Development.json configures it (Auth:DevelopmentSigningKey).
    /// Public on purpose: only a Development host accepts it, and every other environment refuses to start with it.
    /// </summary>
    public const string DevelopmentSigningKey = "Y2FtcGFpZ25ncmFpbnMtZGV2ZWxvcG1lbnQtaXNzdWVyLWtleS1ub3QtYS1zZWNyZXQh";

    public static string Mint(
        string base64Key, string issuer, string audience, string tenant, IEnumerable<string> scopes, TimeSpan lifetime,
        DateTimeOffset? now = null, string tenantClaim = "tenant")
    {
        var issuedAt = (now ?? DateTimeOffset.UtcNow).UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt + lifetime,
            Subject = new ClaimsIdentity([new Claim(tenantClaim, tenant), new Claim("scope", string.Join(' ', scopes))]),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(base64Key)), SecurityAlgorithms.HmacSha256),
        });
    }
}
