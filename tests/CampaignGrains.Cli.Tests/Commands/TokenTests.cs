using System.Text.Json;
using CampaignGrains.Api.Security;
using CampaignGrains.Cli.Tests.Fixtures;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CampaignGrains.Cli.Tests.Commands;

[Collection(ClusterCollection.Name)]
public sealed class TokenTests(ClusterFixture cluster)
{
    [Fact]
    public void The_development_signing_key_is_the_one_appsettings_Development_configures()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "CampaignGrains.Silo", "appsettings.Development.json")));

        Assert.Equal(DevelopmentTokens.DevelopmentSigningKey, settings.RootElement.GetProperty("Auth").GetProperty("DevelopmentSigningKey").GetString());
    }

    [Fact]
    public async Task The_token_is_signed_by_the_development_key_and_carries_tenant_and_scopes()
    {
        var run = await CliRun.RunAsync(["token", "--tenant", "acme", "--scopes", "reports:read,admin", "--minutes", "5"]);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(run.Output.Trim(), new TokenValidationParameters
        {
            ValidIssuer = "campaigngrains",
            ValidAudience = "campaigngrains",
            IssuerSigningKey = new SymmetricSecurityKey(Convert.FromBase64String(DevelopmentTokens.DevelopmentSigningKey)),
        });
        Assert.True(validation.IsValid, validation.Exception?.Message);
        Assert.Equal("acme", validation.Claims["tenant"]);
        Assert.Equal("reports:read admin", validation.Claims["scope"]);
        Assert.InRange(((JsonWebToken)validation.SecurityToken).ValidTo, DateTime.UtcNow.AddMinutes(4), DateTime.UtcNow.AddMinutes(6));
    }

    [Fact]
    public async Task The_silo_accepts_the_token()
    {
        var token = (await CliRun.RunAsync(["token", "--tenant", $"tenant-{Guid.NewGuid():N}"])).Output.Trim();

        var run = await CliRun.RunAsync(["campaigns", "--address", cluster.Address, "--token", token]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("Campaigns: 0", run.Output);
    }
}
