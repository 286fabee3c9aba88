using Microsoft.Extensions.Configuration;

namespace CampaignGrains.Grains.Tests.Fixtures;

internal static class TestConfiguration
{
    public static IConfiguration Create() => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ingest:ProfileHashKey"] = Convert.ToBase64String("campaigngrains-test-profile-key"u8),
        })
        .Build();

    public static string NewCampaignId() => $"c-{Guid.NewGuid():N}";
}
