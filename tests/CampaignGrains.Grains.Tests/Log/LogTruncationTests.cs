using CampaignGrains.Grains.Tests.Fixtures;

namespace CampaignGrains.Grains.Tests.Log;

/// <summary>The log keeps only what some grain has not checkpointed: entries behind the shard's cursor are deleted.</summary>
public sealed class LogTruncationTests
{
    [Fact]
    public async Task Entries_every_grain_checkpointed_are_deleted_and_the_statistics_reload_from_the_checkpoints()
    {
        var log = new ControlledIngestLog();
        await using var cluster = await ControlledCluster.StartAsync(1, new ControlledGrainStorage(), log, new InMemoryCampaignDirectory(),
            checkpointInterval: TimeSpan.FromMilliseconds(200));
        var (campaign, now) = (TestConfiguration.NewCampaignId(), DateTimeOffset.UtcNow);
        var key = CampaignKey.Of(TestEvents.Tenant, campaign);
        const int shard = 5;

        for (var i = 0; i < 3; i++)
        {
            var batch = TestEvents.BatchOnShard(shard, TestEvents.Email(campaign, EventKind.Sent, now), TestEvents.Email(campaign, EventKind.Delivered, now));
            Assert.Equal(BatchOutcome.Applied, (await cluster.Client.GetGrain<IIngestGrain>(0).IngestAsync(batch)).Outcome);
        }
        Assert.Equal(3, log.EntriesOf(shard));

        for (var attempt = 0; log.EntriesOf(shard) > 0; attempt++)
        {
            Assert.True(attempt < 200, $"the log still holds {log.EntriesOf(shard)} entries of shard {shard}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        await cluster.DeactivateAsync(cluster.Client.GetGrain<IEmailGrain>(key));
        await cluster.DeactivateAsync(cluster.Client.GetGrain<ICampaignGrain>(key));
        var tab = await cluster.Client.GetGrain<IEmailGrain>(key).GetEmailTabAsync(ReportWindow.AllTime);
        Assert.Equal((3, 3), (tab.Totals.Sent, tab.Totals.Delivered));
        Assert.Equal(3, (await cluster.Client.GetGrain<ICampaignGrain>(key).GetCampaignTabAsync(ReportWindow.AllTime))!.Delivered);
    }
}
