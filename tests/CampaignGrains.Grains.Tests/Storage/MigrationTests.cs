using CampaignGrains.Grains.Tests.Fixtures;

namespace CampaignGrains.Grains.Tests.Storage;

/// <summary>
/// A migration is the one way Orleans hands a grain's state object to its next activation instead of reading
/// storage, and an active statistics grain's state object holds its positions without their encoded sums.
/// </summary>
[Collection(MemoryClusterCollection.Name)]
public sealed class MigrationTests(MemoryClusterFixture fixture)
{
    [Fact]
    public async Task A_grain_migrated_to_another_silo_keeps_its_counts_and_counts_on()
    {
        var ingest = fixture.Grains.GetGrain<IIngestGrain>(0);
        var campaign = TestConfiguration.NewCampaignId();
        var key = CampaignKey.Of(TestEvents.Tenant, campaign);
        var now = fixture.Time.GetUtcNow();
        var email = fixture.Grains.GetGrain<IEmailGrain>(key);
        await ingest.IngestAsync(TestEvents.Batch(TestEvents.Email(campaign, EventKind.Sent, now), TestEvents.Email(campaign, EventKind.Delivered, now)));
        await email.CheckpointAsync();
        // Applied after the checkpoint: the migrating deactivation has it to write.
        await ingest.IngestAsync(TestEvents.Batch(TestEvents.Email(campaign, EventKind.Sent, now)));

        var host = await HostOfAsync(email);
        var target = fixture.Cluster.GetActiveSilos().First(silo => silo.SiloAddress != host).SiloAddress;
        await fixture.Cluster.MigrateAsync(email.GetGrainId(), target);
        Assert.Equal(target, await HostOfAsync(email));

        Assert.Equal((2, 1), await SentAndDeliveredAsync(email));
        await ingest.IngestAsync(TestEvents.Batch(TestEvents.Email(campaign, EventKind.Delivered, now)));
        Assert.Equal((2, 2), await SentAndDeliveredAsync(email));
    }

    private async Task<SiloAddress> HostOfAsync(IEmailGrain grain) =>
        await fixture.Grains.GetGrain<IManagementGrain>(0).GetActivationAddress(grain)
        ?? throw new InvalidOperationException("The grain is not active.");

    private static async Task<(long Sent, long Delivered)> SentAndDeliveredAsync(IEmailGrain grain)
    {
        var tab = await grain.GetEmailTabAsync(ReportWindow.AllTime);
        return (tab.Totals.Sent, tab.Totals.Delivered);
    }
}
