using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace CampaignGrains.Api.Security;

/// <summary>
/// JWT bearer authentication and the scope policies. Refuses to start without a way to validate
/// tokens, and outside Development while the development key is configured.
/// </summary>
internal static class SecurityHosting
{
    public static void AddCampaignSecurity(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(AuthOptions.Section);
        var options = section.Get<AuthOptions>() ?? new AuthOptions();
        builder.Services.AddOptions<AuthOptions>().Bind(section);
        var development = builder.Environment.IsDevelopment();
        if (!development && !string.IsNullOrEmpty(options.DevelopmentSigningKey))
            throw new InvalidOperationException(
                $"{AuthOptions.Section}:{nameof(AuthOptions.DevelopmentSigningKey)} is set in the {builder.Environment.EnvironmentName} environment. " +
                "The development issuer is for Development only: remove it and configure Auth:Authority or Auth:SigningKeys.");

        var keys = options.SigningKeys.Append(development ? options.DevelopmentSigningKey : null)
            .Where(key => !string.IsNullOrEmpty(key))
            .Select(key => SigningKey(key!))
            .ToList();
        if (keys.Count == 0 && string.IsNullOrEmpty(options.Authority))
            throw new InvalidOperationException(
                $"No way to validate tokens: set {AuthOptions.Section}:{nameof(AuthOptions.Authority)} (environment variable Auth__Authority) " +
                $"or {AuthOptions.Section}:{nameof(AuthOptions.SigningKeys)}:0 (Auth__SigningKeys__0).");

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;
            if (!string.IsNullOrEmpty(options.Authority)) jwt.Authority = options.Authority;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuers = string.IsNullOrEmpty(options.Authority) ? [options.Issuer] : [options.Issuer, options.Authority],
                ValidAudience = options.Audience,
                IssuerSigningKeys = keys,
                ValidateIssuerSigningKey = true,
                RequireExpirationTime = true,
                ClockSkew = TimeSpan.FromSeconds(30),
                // The tenant is the caller's name: Tenancy reads it from User.Identity.Name.
                NameClaimType = options.TenantClaim,
            };
        });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Ingest, policy => policy.RequireClaim(options.TenantClaim).RequireAssertion(context => Scopes.Has(context.User, Scopes.EventsWrite)))
            .AddPolicy(Policies.Reports, policy => policy.RequireClaim(options.TenantClaim).RequireAssertion(context => Scopes.Has(context.User, Scopes.ReportsRead)))
            .AddPolicy(Policies.Admin, policy => policy.RequireAuthenticatedUser().RequireAssertion(context => Scopes.Has(context.User, Scopes.Admin)));
    }

    private static SymmetricSecurityKey SigningKey(string base64)
    {
        var buffer = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, buffer, out var length) || length < 32)
            throw new InvalidOperationException($"A signing key in {AuthOptions.Section} is not base64 of at least 32 bytes.");
        return new SymmetricSecurityKey(buffer[..length]);
    }
}
