using System.CommandLine;
using CampaignGrains.Api.Security;

namespace CampaignGrains.Cli.Commands;

/// <summary><c>token --tenant ID</c>: a token of the development issuer, which only a Development host accepts.</summary>
internal static class TokenCommand
{
    /// <summary>The issuer and audience the hosts expect by default (Auth:Issuer, Auth:Audience).</summary>
    private const string IssuerAndAudience = "campaigngrains";

    private const int MaxMinutes = 24 * 60;

    public static Command Create(Terminal terminal)
    {
        var tenant = new Option<string>("--tenant") { Description = "The tenant the token speaks for", Required = true };
        var scopes = new Option<string>("--scopes")
        {
            Description = $"Comma-separated scopes: {Scopes.EventsWrite}, {Scopes.ReportsRead}, {Scopes.Admin}",
            DefaultValueFactory = _ => string.Join(',', DevelopmentTokens.DefaultScopes),
        };
        var minutes = new Option<int>("--minutes") { Description = $"Lifetime in minutes, 1 to {MaxMinutes}", DefaultValueFactory = _ => 60 };
        var signingKey = new Option<string>("--signing-key")
        {
            Description = "Base64 HMAC-SHA256 key, at least 32 bytes (default: the development key of appsettings.Development.json)",
            DefaultValueFactory = _ => DevelopmentTokens.DevelopmentSigningKey,
        };
        tenant.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>())) result.AddError("--tenant must not be empty.");
        });
        minutes.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > MaxMinutes) result.AddError($"--minutes must be between 1 and {MaxMinutes}.");
        });
        signingKey.Validators.Add(result =>
        {
            var key = result.GetValueOrDefault<string>() ?? "";
            var buffer = new byte[key.Length];
            if (!Convert.TryFromBase64String(key, buffer, out var length) || length < 32)
                result.AddError("--signing-key must be base64 of at least 32 bytes.");
        });

        var command = new Command("token", "Print a development-issuer token (issuer and audience \"campaigngrains\", claim \"tenant\"); " +
            "use it as: export CAMPAIGNCTL_TOKEN=$(campaignctl token --tenant demo)")
        {
            tenant, scopes, minutes, signingKey,
        };
        command.SetAction(parse =>
        {
            var scopeList = parse.GetRequiredValue(scopes).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            terminal.Out.WriteLine(DevelopmentTokens.Mint(parse.GetRequiredValue(signingKey), IssuerAndAudience, IssuerAndAudience,
                parse.GetRequiredValue(tenant).Trim(), scopeList, TimeSpan.FromMinutes(parse.GetValue(minutes))));
            return ExitCodes.Ok;
        });
        return command;
    }
}
