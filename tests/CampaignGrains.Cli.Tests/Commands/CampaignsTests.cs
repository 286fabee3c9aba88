using CampaignGrains.Api.V1;
using CampaignGrains.Cli.Tests.Fixtures;
using Google.Protobuf;

namespace CampaignGrains.Cli.Tests.Commands;

[Collection(ClusterCollection.Name)]
public sealed class CampaignsTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Campaigns_lists_every_campaign_the_tenant_wrote()
    {
        using var directory = new TempDirectory();
        var tenant = $"tenant-{Guid.NewGuid():N}";
        string[] campaigns = ["alpha", "beta", "gamma"];
        var path = directory.File("events.ndjson");
        await File.WriteAllTextAsync(path, EventLines.Ndjson(campaigns.SelectMany(campaign => EventLines.Mixed(campaign, 3))));
        Assert.Equal(ExitCodes.Ok, (await cluster.CtlAsync(["ingest", path], tenant)).ExitCode);

        var json = await cluster.CtlAsync(["campaigns", "--json"], tenant);
        var table = await cluster.CtlAsync(["campaigns"], tenant);

        Assert.True(json.ExitCode == ExitCodes.Ok, json.ToString());
        Assert.Equal(campaigns, JsonParser.Default.Parse<ListCampaignsResponse>(json.Output).Campaigns.Select(campaign => campaign.CampaignId));
        Assert.Contains("Campaigns: 3", table.Output);
        Assert.All(campaigns, campaign => Assert.Matches($@"│\s*{campaign}\s*│\s*\d{{4}}-", table.Output));
    }
}
