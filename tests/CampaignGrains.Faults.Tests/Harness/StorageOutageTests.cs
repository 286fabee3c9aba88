using System.Diagnostics;
using Google.Rpc;
using CampaignGrains.Api.V1;
using Domain = CampaignGrains.Abstractions;

namespace CampaignGrains.Faults.Tests.Harness;

/// <summary>What a producer and a reader see while the storage account is down, and after it is back.</summary>
public sealed class StorageOutageTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task While_storage_is_down_ingest_is_unavailable_within_its_deadline_reads_keep_answering_and_all_recovers()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var cluster = await FaultCluster.StartAsync(siloCount: 1, cancellation);
        using var driver = new FaultDriver(cluster.Silos, FaultCluster.Token("outage-tenant"));
        var ingest = driver.Ingest(0);
        var reports = driver.Reports(0);
        var now = DateTimeOffset.UtcNow;
        var active = Batch("active-campaign", "before", now);
        await ingest.IngestAsync(active.ToIngestRequest(), driver.Headers, DateTime.UtcNow + Deadline);

        await cluster.Azurite.StopAsync();
        var duringActive = Batch("active-campaign", "during", now);
        var duringNew = Batch("new-campaign", "during", now);
        var clock = Stopwatch.StartNew();
        var activeError = await Assert.ThrowsAsync<RpcException>(() => ingest.IngestAsync(duringActive.ToIngestRequest(), driver.Headers, DateTime.UtcNow + Deadline).ResponseAsync);
        var newError = await Assert.ThrowsAsync<RpcException>(() => ingest.IngestAsync(duringNew.ToIngestRequest(), driver.Headers, DateTime.UtcNow + Deadline).ResponseAsync);
        var answeredIn = clock.Elapsed;
        var readDuringOutage = await reports.GetEmailTabAsync(new TabRequest { CampaignId = "active-campaign", Window = Window.AllTime }, driver.Headers, DateTime.UtcNow + Deadline);
        // What only storage can answer: the campaign directory, and a campaign no grain holds in memory.
        var listError = await Assert.ThrowsAsync<RpcException>(() => reports.ListCampaignsAsync(new ListCampaignsRequest(), driver.Headers, DateTime.UtcNow + Deadline).ResponseAsync);
        var coldReadError = await Assert.ThrowsAsync<RpcException>(() => reports.GetEmailTabAsync(new TabRequest { CampaignId = "cold-campaign", Window = Window.AllTime }, driver.Headers, DateTime.UtcNow + Deadline).ResponseAsync);

        await cluster.Azurite.RestartAsync();
        var retries = new[] { duringActive, duringNew }.Select(batch => RetryAsync(ingest, driver, batch)).ToList();
        await Task.WhenAll(retries);

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"during the outage: ingest of the active campaign {activeError.StatusCode}, of a new campaign {newError.StatusCode}, both answered within {answeredIn.TotalSeconds:0.0} s; " +
            $"campaign list {listError.StatusCode}, read of a campaign not in memory {coldReadError.StatusCode}; read of the active campaign answered");
        Assert.All(new[] { activeError, newError, listError, coldReadError }, error =>
        {
            Assert.Equal(StatusCode.Unavailable, error.StatusCode);
            Assert.True(error.GetRpcStatus()?.GetDetail<RetryInfo>()?.RetryDelay.ToTimeSpan() > TimeSpan.Zero, $"no retry hint on: {error.Status.Detail}");
        });
        // The acknowledged event, and maybe the unacknowledged one still waiting in memory for its write.
        Assert.InRange(readDuringOutage.Totals.Sent, 1, 2);
        Assert.Equal(2, (await reports.GetEmailTabAsync(new TabRequest { CampaignId = "active-campaign", Window = Window.AllTime }, driver.Headers)).Totals.Sent);
        Assert.Equal(1, (await reports.GetEmailTabAsync(new TabRequest { CampaignId = "new-campaign", Window = Window.AllTime }, driver.Headers)).Totals.Sent);
        Assert.Equal(["active-campaign", "new-campaign"], (await reports.ListCampaignsAsync(new ListCampaignsRequest(), driver.Headers)).Campaigns.Select(c => c.CampaignId));
    }

    private static Domain.EventBatch Batch(string campaign, string key, DateTimeOffset now) =>
        new("outage-tenant", $"{campaign}-{key}", [new Domain.DeliveryEvent($"{campaign}-{key}-1", campaign, Domain.Channel.Email, Domain.EventKind.Sent, now, "p1", "example.com")]);

    private static async Task RetryAsync(IngestService.IngestServiceClient ingest, FaultDriver driver, Domain.EventBatch batch)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await ingest.IngestAsync(batch.ToIngestRequest(), driver.Headers, DateTime.UtcNow + Deadline);
                return;
            }
            catch (RpcException) when (attempt < 30)
            {
                await Task.Delay(500);
            }
        }
    }
}
