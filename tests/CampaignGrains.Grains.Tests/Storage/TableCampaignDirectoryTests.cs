using Azure.Data.Tables;
using CampaignGrains.Grains.Tests.Fixtures;
using CampaignGrains.Silo.Directory;

namespace CampaignGrains.Grains.Tests.Storage;

/// <summary>The campaign directory on Azurite: campaigns listed at once are inserted together, and a campaign listed again keeps its first time.</summary>
[Collection(AzuriteClusterCollection.Name)]
public sealed class TableCampaignDirectoryTests(AzuriteClusterFixture fixture)
{
    [Fact]
    public async Task Campaigns_listed_at_once_are_all_paged_in_order_and_a_second_listing_keeps_the_first_time()
    {
        var directory = new TableCampaignDirectory(new TableServiceClient(fixture.Azurite.ConnectionString));
        var tenant = "dir-" + Guid.NewGuid().ToString("N")[..12];
        var first = fixture.Time.GetUtcNow();
        var campaigns = Enumerable.Range(0, 250).Select(i => $"c{i:D4}").ToList();
        await directory.RegisterAsync(tenant, campaigns[7], first, Cancel);

        // 250 at once, one of them already listed: its insert is refused inside a group, which must not fail the others.
        await Task.WhenAll(campaigns.Select(campaign => directory.RegisterAsync(tenant, campaign, first.AddHours(1), Cancel)));

        var listed = new List<CampaignEntry>();
        string? after = null;
        do
        {
            var page = await directory.ListAsync(tenant, 100, after, Cancel);
            listed.AddRange(page.Campaigns);
            after = page.HasMore ? page.Campaigns[^1].CampaignId : null;
        }
        while (after is not null);
        Assert.Equal(campaigns, listed.Select(entry => entry.CampaignId));
        Assert.Equal(first, listed[7].FirstSeen);
        Assert.All(listed.Where((_, i) => i != 7), entry => Assert.Equal(first.AddHours(1), entry.FirstSeen));
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
}
