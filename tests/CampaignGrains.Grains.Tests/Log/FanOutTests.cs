using CampaignGrains.Grains.Tests.Fixtures;

namespace CampaignGrains.Grains.Tests.Log;

/// <summary>
/// A batch is one log append whatever its fan-out; only the grains it concerns are called, and they are queued,
/// not timed out. On the memory fixture: Azurite's point reads slow down with the size of a table, so 20,000
/// cold grains there measure the emulator (the benchmark reports fan-out on Azurite).
/// </summary>
[Collection(MemoryClusterCollection.Name)]
public sealed class FanOutTests(MemoryClusterFixture fixture)
{
    [Fact]
    public async Task A_batch_spread_over_10000_campaigns_is_acknowledged_and_every_campaign_counts_its_event()
    {
        var now = fixture.Time.GetUtcNow();
        var campaigns = Enumerable.Range(0, 10_000).Select(_ => TestConfiguration.NewCampaignId()).ToList();
        var batch = TestEvents.Batch([.. campaigns.Select(campaign => TestEvents.Email(campaign, EventKind.Opened, now.AddMinutes(-1)))]);

        var appendsBefore = fixture.Log.Appends;
        var result = await fixture.Grains.GetGrain<IIngestGrain>(0).IngestAsync(batch);

        Assert.Equal((BatchOutcome.Applied, 10_000), (result.Outcome, result.Accepted));
        Assert.Equal(appendsBefore + 1, fixture.Log.Appends);
        foreach (var campaign in campaigns.Where((_, i) => i % 500 == 0))
        {
            var key = CampaignKey.Of(TestEvents.Tenant, campaign);
            Assert.Equal(1, (await fixture.Grains.GetGrain<IEmailGrain>(key).GetEmailTabAsync(ReportWindow.AllTime)).Totals.Opens);
            Assert.True(await fixture.Grains.GetGrain<ICampaignGrain>(key).ExistsAsync());
        }
        Assert.Equal(BatchOutcome.AlreadyApplied, (await fixture.Grains.GetGrain<IIngestGrain>(0).IngestAsync(batch)).Outcome);
    }

    [Fact]
    public async Task Opens_of_channels_the_campaign_grain_already_applied_are_delivered_only_to_the_channel_grain()
    {
        var now = fixture.Time.GetUtcNow();
        var campaignId = TestConfiguration.NewCampaignId();
        var key = CampaignKey.Of(TestEvents.Tenant, campaignId);
        var campaign = fixture.Grains.GetGrain<ICampaignGrain>(key);
        var ingest = fixture.Grains.GetGrain<IIngestGrain>(0);

        await ingest.IngestAsync(TestEvents.BatchOnShard(0, TestEvents.Email(campaignId, EventKind.Opened, now.AddMinutes(-3))));
        var versionAfterFirst = await VersionAsync(campaign);
        for (var i = 0; i < 5; i++) await ingest.IngestAsync(TestEvents.BatchOnShard(0, TestEvents.Email(campaignId, EventKind.Clicked, now.AddMinutes(-2))));

        Assert.Equal(versionAfterFirst, await VersionAsync(campaign));
        Assert.Equal(5, (await fixture.Grains.GetGrain<IEmailGrain>(key).GetEmailTabAsync(ReportWindow.AllTime)).Totals.Clicks);

        // A channel the campaign grain has not seen, and a count of its own, still reach it.
        await ingest.IngestAsync(TestEvents.BatchOnShard(0, TestEvents.Push(campaignId, EventKind.Opened, now.AddMinutes(-1))));
        var tab = await campaign.GetCampaignTabAsync(ReportWindow.AllTime);
        Assert.Equal([Channel.Email, Channel.Push], tab!.Channels);
        var versionAfterPush = await VersionAsync(campaign);
        Assert.True(versionAfterPush > versionAfterFirst);
        await ingest.IngestAsync(TestEvents.BatchOnShard(0, TestEvents.Email(campaignId, EventKind.Delivered, now.AddMinutes(-1))));
        Assert.Equal(1, (await campaign.GetCampaignTabAsync(ReportWindow.AllTime))!.Delivered);
    }

    private static Task<long> VersionAsync(IStatisticsGrain grain) => grain.WaitForChangeAsync(long.MinValue, TimeSpan.Zero);
}
