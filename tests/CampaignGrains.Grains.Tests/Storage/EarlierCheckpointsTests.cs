using Azure.Data.Tables;
using CampaignGrains.Grains.Storage;
using CampaignGrains.Grains.Tests.Fixtures;
using CampaignGrains.Silo;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace CampaignGrains.Grains.Tests.Storage;

/// <summary>An upgrade: statistics that a build before the grouped checkpoints stored are read, and their next checkpoint moves them.</summary>
[Collection(AzuriteClusterCollection.Name)]
public sealed class EarlierCheckpointsTests(AzuriteClusterFixture fixture)
{
    [Fact]
    public async Task Statistics_stored_by_the_earlier_provider_are_served_after_the_upgrade_and_checkpointed_into_the_new_table()
    {
        var now = fixture.Time.GetUtcNow();
        var campaign = TestConfiguration.NewCampaignId();
        var key = CampaignKey.Of(TestEvents.Tenant, campaign);
        var batch = TestEvents.Batch(
            TestEvents.Email(campaign, EventKind.Sent, now.AddMinutes(-10)),
            TestEvents.Email(campaign, EventKind.Opened, now.AddMinutes(-5)));

        // The earlier build: Orleans' Azure Table provider, one partition a grain, in the table that build used.
        await using (var earlier = await fixture.StartClusterAsync(silo => silo.AddAzureTableGrainStorage(StorageNames.Statistics, options =>
            options.Configure<IServiceProvider>((table, services) =>
            {
                table.TableServiceClient = new TableServiceClient(fixture.Azurite.ConnectionString);
                table.TableName = SiloConfiguration.LegacyStatisticsTable;
                table.GrainStorageSerializer = new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>());
            }))))
        {
            Assert.Equal(BatchOutcome.Applied, (await earlier.Client.GetGrain<IIngestGrain>(0).IngestAsync(batch)).Outcome);
            // Every grain of the batch checkpoints, so the log redelivers nothing: what the upgrade serves was read.
            await earlier.Client.GetGrain<IEmailGrain>(key).CheckpointAsync();
            await earlier.Client.GetGrain<ICampaignGrain>(key).CheckpointAsync();
            await earlier.StopAllSilosAsync(TestContext.Current.CancellationToken);
        }

        await using var upgraded = await fixture.StartClusterAsync();
        var email = await upgraded.Client.GetGrain<IEmailGrain>(key).GetEmailTabAsync(ReportWindow.AllTime);
        Assert.Equal((1, 1), (email.Totals.Sent, email.Totals.Opens));
        Assert.False(await CheckpointedInNewTableAsync(key));

        Assert.Equal(BatchOutcome.Applied, (await upgraded.Client.GetGrain<IIngestGrain>(0).IngestAsync(TestEvents.Batch(
            TestEvents.Email(campaign, EventKind.Clicked, now.AddMinutes(-1))))).Outcome);
        await upgraded.Client.GetGrain<IEmailGrain>(key).CheckpointAsync();

        Assert.True(await CheckpointedInNewTableAsync(key));
        email = await upgraded.Client.GetGrain<IEmailGrain>(key).GetEmailTabAsync(ReportWindow.AllTime);
        Assert.Equal((1, 1, 1), (email.Totals.Sent, email.Totals.Opens, email.Totals.Clicks));
    }

    private async Task<bool> CheckpointedInNewTableAsync(string key)
    {
        var table = new TableClient(fixture.Azurite.ConnectionString, SiloConfiguration.CheckpointTable);
        var row = Uri.EscapeDataString(GrainId.Create("email", key).ToString()) + "|email";
        await foreach (var _ in table.QueryAsync<TableEntity>(entity => entity.RowKey == row, cancellationToken: TestContext.Current.CancellationToken)) return true;
        return false;
    }
}
