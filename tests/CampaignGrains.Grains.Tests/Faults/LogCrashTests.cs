using CampaignGrains.Grains.Log;
using CampaignGrains.Grains.Tests.Fixtures;
using Orleans.TestingHost;

namespace CampaignGrains.Grains.Tests.Faults;

/// <summary>
/// A silo dies at a chosen point of the log's protocol, on a two-silo cluster whose log and grain storage
/// outlive it; the producer retries with the same key; every batch counts exactly once. (KillSiloAsync stops
/// the silo abruptly in process; the multi-process harness does it with SIGKILL at random points.)
/// </summary>
public sealed class LogCrashTests
{
    public static TheoryData<string> Points =>
    [
        "between the append and its delivery", "between an apply and the acknowledgement", "during a grain's checkpoint",
        "during the cursor's write", "between the cursor's write and the deletion behind it",
    ];

    [Theory]
    [MemberData(nameof(Points))]
    public async Task Killing_the_silo_loses_no_acknowledged_event_and_counts_none_twice(string point)
    {
        var (storage, log, directory) = (new ControlledGrainStorage(), new ControlledIngestLog(), new InMemoryCampaignDirectory());
        await using var cluster = await ControlledCluster.StartAsync(2, storage, log, directory, checkpointInterval: TimeSpan.FromMilliseconds(200), randomPlacement: true);
        var victim = cluster.Silos[1];
        var ingest = cluster.Client.GetGrain<IIngestGrain>(0);
        var now = DateTimeOffset.UtcNow;

        // A shard whose writer, and a campaign whose email grain, live on the silo about to die.
        var shard = await ShardOnAsync(cluster, victim, now);
        var campaign = await CampaignOnAsync(cluster, victim, now);
        var key = CampaignKey.Of(TestEvents.Tenant, campaign);
        var batch = TestEvents.BatchOnShard(shard, TestEvents.Email(campaign, EventKind.Sent, now), TestEvents.Email(campaign, EventKind.Delivered, now));

        switch (point)
        {
            case "between the append and its delivery":
            {
                var hold = log.HoldAfterNextAppend();
                var appends = log.Appends;
                var first = ingest.IngestAsync(batch);
                await WaitUntilAsync(() => log.Appends > appends);
                await cluster.KillSiloAsync(victim);
                hold.SetResult();
                await Assert.ThrowsAnyAsync<Exception>(() => first);
                break;
            }
            case "between an apply and the acknowledgement":
            {
                // The batch also opens a campaign whose listing is held: the acknowledgement waits for it while the
                // victim's grain has applied its share.
                var held = TestConfiguration.NewCampaignId();
                var hold = directory.HoldListing(held);
                batch = TestEvents.BatchOnShard(shard, [.. batch.Events, TestEvents.Email(held, EventKind.Sent, now)]);
                var first = ingest.IngestAsync(batch);
                await WaitUntilAsync(async () => (await cluster.Client.GetGrain<IEmailGrain>(key).GetEmailTabAsync(ReportWindow.AllTime)).Totals.Sent == 1);
                Assert.False(first.IsCompleted, "acknowledged before every grain applied");
                await cluster.KillSiloAsync(victim);
                hold.SetResult();
                await AwaitEitherAsync(first);
                break;
            }
            case "during a grain's checkpoint":
            {
                var hold = storage.HoldWrites(key);
                var writes = storage.WritesOf(key, "email");
                Assert.Equal(BatchOutcome.Applied, (await ingest.IngestAsync(batch)).Outcome);
                await WaitUntilAsync(() => storage.WritesOf(key, "email") > writes);
                await cluster.KillSiloAsync(victim);
                hold.SetResult();
                break;
            }
            case "during the cursor's write":
            {
                // The grains checkpoint within a tick, the shard then moves its truncation point past the batch.
                var hold = log.HoldCursorWrites();
                var cursorWrites = log.CursorWritesOf(shard);
                Assert.Equal(BatchOutcome.Applied, (await ingest.IngestAsync(batch)).Outcome);
                await WaitUntilAsync(() => log.CursorWritesOf(shard) > cursorWrites);
                await cluster.KillSiloAsync(victim);
                hold.SetResult();
                break;
            }
            default:
            {
                var hold = log.HoldTruncations();
                var truncations = log.Truncations;
                Assert.Equal(BatchOutcome.Applied, (await ingest.IngestAsync(batch)).Outcome);
                await WaitUntilAsync(() => log.Truncations > truncations);
                await cluster.KillSiloAsync(victim);
                hold.SetResult();
                break;
            }
        }

        var retry = await RetryAsync(() => ingest.IngestAsync(batch));
        Assert.Contains(retry.Outcome, new[] { BatchOutcome.Applied, BatchOutcome.AlreadyApplied });
        var tab = await RetryAsync(() => cluster.Client.GetGrain<IEmailGrain>(key).GetEmailTabAsync(ReportWindow.AllTime));
        Assert.Equal((1, 1), (tab.Totals.Sent, tab.Totals.Delivered));
        Assert.Equal(1, (await cluster.Client.GetGrain<ICampaignGrain>(key).GetCampaignTabAsync(ReportWindow.AllTime))!.Delivered);
        foreach (var campaignOfBatch in batch.Events.Select(e => e.CampaignId).Distinct().Where(c => c != campaign))
        {
            var other = await RetryAsync(() => cluster.Client.GetGrain<IEmailGrain>(CampaignKey.Of(TestEvents.Tenant, campaignOfBatch)).GetEmailTabAsync(ReportWindow.AllTime));
            Assert.Equal(1, other.Totals.Sent);
        }
    }

    /// <summary>
    /// A shard restarted after a crash hands each grain only its last recovered entry; a grain that lives on and
    /// missed earlier ones fetches them from the shard first. Here the campaign grain, on the surviving silo, is
    /// held in its first listing while three batches for it are appended, so the dead shard delivered it at most
    /// the first.
    /// </summary>
    [Fact]
    public async Task A_surviving_grain_gets_every_entry_it_missed_from_a_restarted_shard()
    {
        var (storage, log, directory) = (new ControlledGrainStorage(), new ControlledIngestLog(), new InMemoryCampaignDirectory());
        await using var cluster = await ControlledCluster.StartAsync(2, storage, log, directory, checkpointInterval: TimeSpan.FromMilliseconds(200), randomPlacement: true);
        var (survivor, victim) = (cluster.Silos[0], cluster.Silos[1]);
        var ingest = cluster.Client.GetGrain<IIngestGrain>(0);
        var now = DateTimeOffset.UtcNow;
        var shard = await ShardOnAsync(cluster, victim, now);
        var campaign = await CampaignGrainOnAsync(cluster, survivor);
        var key = CampaignKey.Of(TestEvents.Tenant, campaign);

        var hold = directory.HoldListing(campaign);
        var entries = log.EntriesOf(shard);
        var batches = Enumerable.Range(0, 3).Select(_ => TestEvents.BatchOnShard(shard, TestEvents.Email(campaign, EventKind.Delivered, now))).ToList();
        var first = batches.Select(batch => ingest.IngestAsync(batch)).ToList();
        await WaitUntilAsync(() => log.EntriesOf(shard) >= entries + batches.Count);
        await cluster.KillSiloAsync(victim);
        hold.SetResult();
        foreach (var call in first) await AwaitEitherAsync(call);

        foreach (var batch in batches)
            Assert.Contains((await RetryAsync(() => ingest.IngestAsync(batch))).Outcome, new[] { BatchOutcome.Applied, BatchOutcome.AlreadyApplied });
        Assert.Equal(3, (await RetryAsync(() => cluster.Client.GetGrain<ICampaignGrain>(key).GetCampaignTabAsync(ReportWindow.AllTime)))!.Delivered);
        Assert.Equal(3, (await RetryAsync(() => cluster.Client.GetGrain<IEmailGrain>(key).GetEmailTabAsync(ReportWindow.AllTime))).Totals.Delivered);
    }

    /// <summary>A call in flight when its silo died may be answered or fail; either way the producer retries.</summary>
    private static async Task AwaitEitherAsync(Task call)
    {
        try
        {
            await call;
        }
        catch (Exception)
        {
            // The answer was lost with the silo: the retry below is what a producer does.
        }
    }

    /// <summary>
    /// A shard placed on the silo. Placement is random, so all eight may land on the other one (1 in 256):
    /// then every activation is collected and the shards are placed again.
    /// </summary>
    private static async Task<int> ShardOnAsync(InProcessTestCluster cluster, InProcessSiloHandle silo, DateTimeOffset now)
    {
        const int shards = 8;
        for (var attempt = 0; ; attempt++)
        {
            for (var shard = 0; shard < shards; shard++)
                await cluster.Client.GetGrain<IIngestGrain>(0).IngestAsync(TestEvents.BatchOnShard(shard, TestEvents.Email(TestConfiguration.NewCampaignId(), EventKind.Sent, now)));
            var hosted = await HostedOnAsync(cluster, silo);
            var placed = Enumerable.Range(0, shards).Where(shard => hosted.Contains(cluster.Client.GetGrain<ILogShardGrain>(shard).GetGrainId())).ToList();
            if (placed.Count > 0) return placed[0];
            if (attempt == 20) throw new InvalidOperationException("No log shard was placed on the second silo.");
            await cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        }
    }

    private static async Task<string> CampaignOnAsync(InProcessTestCluster cluster, InProcessSiloHandle silo, DateTimeOffset now)
    {
        for (var attempt = 0; ; attempt++)
        {
            var campaign = TestConfiguration.NewCampaignId();
            var key = CampaignKey.Of(TestEvents.Tenant, campaign);
            await cluster.Client.GetGrain<IEmailGrain>(key).GetEmailTabAsync(ReportWindow.AllTime);
            if ((await HostedOnAsync(cluster, silo)).Contains(cluster.Client.GetGrain<IEmailGrain>(key).GetGrainId())) return campaign;
            if (attempt == 100) throw new InvalidOperationException("No email grain was placed on the second silo.");
        }
    }

    private static async Task<string> CampaignGrainOnAsync(InProcessTestCluster cluster, InProcessSiloHandle silo)
    {
        for (var attempt = 0; ; attempt++)
        {
            var campaign = TestConfiguration.NewCampaignId();
            var grain = cluster.Client.GetGrain<ICampaignGrain>(CampaignKey.Of(TestEvents.Tenant, campaign));
            await grain.ExistsAsync(CancellationToken.None);
            if ((await HostedOnAsync(cluster, silo)).Contains(grain.GetGrainId())) return campaign;
            if (attempt == 100) throw new InvalidOperationException("No campaign grain was placed on the surviving silo.");
        }
    }

    private static async Task<HashSet<GrainId>> HostedOnAsync(InProcessTestCluster cluster, InProcessSiloHandle silo) =>
        [.. (await cluster.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics(hostsIds: [silo.SiloAddress])).Select(grain => grain.GrainId)];

    /// <summary>Until the cluster has declared the dead silo dead, calls to its grains fail; a producer retries.</summary>
    private static async Task<T> RetryAsync<T>(Func<Task<T>> call)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call().WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (Exception) when (attempt < 100)
            {
                await Task.Delay(200, TestContext.Current.CancellationToken);
            }
        }
    }

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; !await condition(); attempt++)
        {
            if (attempt == 400) throw new InvalidOperationException("Condition never became true.");
            await Task.Delay(25, TestContext.Current.CancellationToken);
        }
    }
}
