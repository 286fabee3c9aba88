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

    /// <summary>The moment every fixture's clock starts at: mid-day, so windows cross midnight.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    public static string NewCampaignId() => $"c-{Guid.NewGuid():N}";
}
