using System.Diagnostics;

namespace CampaignGrains.Faults.Tests.Harness;

/// <summary>
/// The system test: three silo processes on Azurite, a producer that retries until acknowledged, and
/// faults injected while it runs. Every campaign must then equal its oracle: no acknowledged event lost,
/// none counted twice.
/// </summary>
public sealed class FaultHarnessTests
{
    private const int SiloCount = 3;
    private const int Campaigns = 24;
    private const int EventsPerCampaign = 2_500;
    private const int MaxEventsPerBatch = 100;
    private static readonly TimeSpan IngestSpan = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Crashes_restarts_and_a_storage_outage_lose_no_acknowledged_event_and_count_none_twice()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var output = TestContext.Current.TestOutputHelper;
        var now = DateTimeOffset.UtcNow;
        var tenant = "fault-tenant";
        var campaigns = HarnessBatches.Campaigns(tenant, "campaign-", Campaigns, firstSeed: 100, EventsPerCampaign, now, MaxEventsPerBatch);
        var batches = HarnessBatches.Interleave([.. campaigns.Select(c => c.Batches)]);

        await using var cluster = await FaultCluster.StartAsync(SiloCount, cancellation);
        using var driver = new FaultDriver(cluster.Silos, FaultCluster.Token(tenant));
        var faults = new FaultSchedule(cluster, output);
        var clock = Stopwatch.StartNew();

        var ingest = driver.RunAsync(batches, producers: 4, IngestSpan, cancellation);
        await faults.RunAsync(cancellation);
        await ingest;

        var mismatches = await ReportVerifier.MismatchesAsync(driver, cluster.Silos, campaigns.Select(c => (c.Id, ReportOracle.From(c.Batches))), now);
        var distinct = batches.DistinctBy(b => b.IdempotencyKey).ToList();
        output?.WriteLine($"campaigns {Campaigns}, batches sent {batches.Count} ({distinct.Count} distinct keys, {batches.Count - distinct.Count} resent by the producer itself)");
        output?.WriteLine($"events sent {distinct.Sum(b => b.Events.Length)} (repeats inside batches included), acknowledged {driver.Acknowledged} batches after {driver.Attempts} attempts");
        output?.WriteLine($"retried {driver.Attempts - driver.Acknowledged}: {string.Join(", ", driver.RetriesByCode.Select(pair => $"{pair.Key} {pair.Value}"))}");
        output?.WriteLine($"faults injected {faults.Injected.Count}: {string.Join("; ", faults.Injected)}");
        output?.WriteLine($"mismatches {mismatches.Count}; took {clock.Elapsed.TotalSeconds:0} s");
        foreach (var mismatch in mismatches) output?.WriteLine($"  {mismatch}");

        Assert.Equal(batches.Count, driver.Acknowledged);
        Assert.Empty(mismatches);
    }
}
