using CampaignGrains.Grains.Faults;

namespace CampaignGrains.Faults.Tests.Harness;

/// <summary>
/// A silo process sends itself SIGKILL at one exact point of the log's protocol (<see cref="KillPoints"/>) while
/// a producer that retries until acknowledged sends campaigns to two silos; the dead silo is started again. Every
/// campaign must then equal its oracle: no acknowledged event lost, none counted twice. A kill from outside, as in
/// <see cref="FaultHarnessTests"/>, lands at these points only by chance.
/// </summary>
public sealed class KillPointTests
{
    private const int SiloCount = 2;
    private const int Campaigns = 8;
    private const int EventsPerCampaign = 1_500;
    private const int MaxEventsPerBatch = 100;
    private const int SigKillExitCode = 128 + 9;
    private static readonly TimeSpan IngestSpan = TimeSpan.FromSeconds(12);

    /// <summary>
    /// Each point with the hit that kills: late enough that batches are in flight around it, and for cursor writes
    /// past those a starting silo's shards make before any batch.
    /// </summary>
    public static TheoryData<KillPoint, int> Points => new()
    {
        { KillPoint.AfterAppend, 8 },
        { KillPoint.AfterApply, 30 },
        { KillPoint.AfterCheckpoint, 30 },
        { KillPoint.AfterCursorWrite, 20 },
    };

    [Theory]
    [MemberData(nameof(Points))]
    public async Task A_silo_killed_at_a_point_of_the_log_loses_no_acknowledged_event_and_counts_none_twice(KillPoint point, int onHit)
    {
        var cancellation = TestContext.Current.CancellationToken;
        var output = TestContext.Current.TestOutputHelper;
        var now = DateTimeOffset.UtcNow;
        var tenant = "kill-point-tenant";
        var campaigns = HarnessBatches.Campaigns(tenant, $"campaign-{point}-", Campaigns, firstSeed: 300, EventsPerCampaign, now, MaxEventsPerBatch);
        var batches = HarnessBatches.Interleave([.. campaigns.Select(c => c.Batches)]);

        // Every silo has the point on its first start, so whichever holds the shard or grain that gets there first dies;
        // checkpoints every second, so checkpoints and cursor writes happen while batches arrive.
        await using var cluster = await FaultCluster.StartAsync(SiloCount, cancellation, new Dictionary<string, string?>
        {
            [$"{FaultInjectionOptions.Section}:{nameof(FaultInjectionOptions.KillAt)}"] = point.ToString(),
            [$"{FaultInjectionOptions.Section}:{nameof(FaultInjectionOptions.KillOnHit)}"] = onHit.ToString(),
            ["IngestLog:CheckpointInterval"] = "00:00:01",
        });
        using var driver = new FaultDriver(cluster.Silos, FaultCluster.Token(tenant));
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var restarts = cluster.Silos.Select(silo => RestartAfterItKillsItselfAsync(silo, output, watching.Token)).ToList();

        await driver.RunAsync(batches, producers: 4, IngestSpan, cancellation);
        var exitCode = await (await Task.WhenAny(restarts)).WaitAsync(TimeSpan.FromSeconds(90), cancellation);
        var mismatches = await ReportVerifier.MismatchesAsync(driver, cluster.Silos, campaigns.Select(c => (c.Id, ReportOracle.From(c.Batches))), now);
        await watching.CancelAsync();
        // Waited for, so no silo is started again after the cluster is disposed (it would outlive the test).
        foreach (var restart in restarts)
        {
            try
            {
                await restart;
            }
            catch (OperationCanceledException)
            {
                // That silo never killed itself, or was still starting when the test ended.
            }
        }

        output?.WriteLine($"batches {batches.Count}, acknowledged {driver.Acknowledged} after {driver.Attempts} attempts; retried: {string.Join(", ", driver.RetriesByCode.Select(pair => $"{pair.Key} {pair.Value}"))}");
        foreach (var mismatch in mismatches) output?.WriteLine($"  {mismatch}");
        Assert.Equal(SigKillExitCode, exitCode);
        Assert.Equal(batches.Count, driver.Acknowledged);
        // The batch whose append or apply reached the point was on the dead silo's shard: its producer had to retry it.
        if (point is KillPoint.AfterAppend or KillPoint.AfterApply) Assert.True(driver.Attempts > driver.Acknowledged, "no batch was retried after the kill");
        Assert.Empty(mismatches);
    }

    /// <summary>Waits for the silo to kill itself, starts it again without the kill point, and answers the exit code.</summary>
    private static async Task<int> RestartAfterItKillsItselfAsync(SiloProcess silo, ITestOutputHelper? output, CancellationToken cancellationToken)
    {
        var exitCode = await silo.WaitForExitAsync(cancellationToken);
        output?.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} silo {silo.Index} exited with {exitCode}; starting it again");
        await silo.StartAsync(cancellationToken);
        return exitCode;
    }
}
