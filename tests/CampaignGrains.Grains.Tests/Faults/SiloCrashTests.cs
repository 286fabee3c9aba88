using CampaignGrains.Grains.Tests.Fixtures;

namespace CampaignGrains.Grains.Tests.Faults;

/// <summary>A silo dies while batches are in flight; producers retry with the same keys; every batch counts once.</summary>
public sealed class SiloCrashTests
{
    [Fact]
    public async Task Killing_a_silo_during_concurrent_ingest_loses_nothing_and_doubles_nothing()
    {
        await using var cluster = await ControlledCluster.StartAsync(2, new ControlledGrainStorage(), new ControlledIngestLog(), new InMemoryCampaignDirectory());

        var now = DateTimeOffset.UtcNow;
        var campaigns = Enumerable.Range(0, 8).Select(_ => TestConfiguration.NewCampaignId()).ToList();
        var batches = Enumerable.Range(0, 160)
            .Select(i => TestEvents.Batch(TestEvents.Email(campaigns[i % campaigns.Count], EventKind.Sent, now)))
            .ToList();
        var acknowledged = 0;
        var retries = 0;

        var producers = batches.Chunk(40).Select(async share =>
        {
            foreach (var batch in share)
            {
                for (var attempt = 0; ; attempt++)
                {
                    try
                    {
                        await cluster.Client.GetGrain<IIngestGrain>(0).IngestAsync(batch).WaitAsync(TimeSpan.FromSeconds(10));
                        Interlocked.Increment(ref acknowledged);
                        break;
                    }
                    catch (Exception) when (attempt < 100)
                    {
                        Interlocked.Increment(ref retries);
                        await Task.Delay(100);
                    }
                }
            }
        }).ToList();
        while (Volatile.Read(ref acknowledged) < batches.Count / 4) await Task.Delay(10, TestContext.Current.CancellationToken);
        await cluster.KillSiloAsync(cluster.Silos[1]);
        await Task.WhenAll(producers);

        TestContext.Current.TestOutputHelper?.WriteLine($"acknowledged {acknowledged}, retried {retries}");
        Assert.Equal(batches.Count, acknowledged);
        foreach (var campaign in campaigns)
        {
            var tab = await cluster.Client.GetGrain<IEmailGrain>(CampaignKey.Of(TestEvents.Tenant, campaign)).GetEmailTabAsync(ReportWindow.AllTime);
            Assert.Equal(batches.Count / campaigns.Count, tab.Totals.Sent);
        }
    }
}
