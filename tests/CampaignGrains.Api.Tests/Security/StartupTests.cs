using CampaignGrains.Silo;
using Microsoft.Extensions.Configuration;

namespace CampaignGrains.Api.Tests.Security;

/// <summary>A host refuses to start rather than run with a security setting that cannot be right.</summary>
public sealed class StartupTests
{
    private static readonly Dictionary<string, string?> Required = new()
    {
        ["ConnectionStrings:Storage"] = "UseDevelopmentStorage=true",
        ["Ingest:ProfileHashKey"] = Convert.ToBase64String("campaigngrains-startup-test-key"u8),
    };

    [Fact]
    public void Production_start_is_refused_with_the_development_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SiloApplication.Build(["--environment", "Production"], builder =>
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(Required)
            {
                ["Auth:DevelopmentSigningKey"] = Convert.ToBase64String("campaigngrains-development-issuer-key-not-a-secret!"u8),
                ["Auth:SigningKeys:0"] = Convert.ToBase64String("a-production-signing-key-of-32-bytes!!"u8),
            })));

        Assert.Contains("DevelopmentSigningKey", error.Message);
    }

    [Fact]
    public void Start_is_refused_without_a_way_to_validate_tokens()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SiloApplication.Build(["--environment", "Production"], builder =>
            builder.Configuration.AddInMemoryCollection(Required)));

        Assert.Contains("Auth:Authority", error.Message);
    }
}
