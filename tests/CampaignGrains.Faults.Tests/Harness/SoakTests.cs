using CampaignGrains.Api.V1;
using Domain = CampaignGrains.Abstractions;

namespace CampaignGrains.Faults.Tests.Harness;

/// <summary>
/// Steady ingest, live WatchReport streams and report reads against two silo processes; their memory
/// and open handles must not grow. 60 seconds in CI; set CAMPAIGNGRAINS_SOAK_SECONDS for a longer run.
/// </summary>
public sealed class SoakTests
{
    private const int Campaigns = 10;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Steady_load_keeps_memory_and_handles_flat()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var output = TestContext.Current.TestOutputHelper;
        var duration = TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("CAMPAIGNGRAINS_SOAK_SECONDS"), out var seconds) ? seconds : 60);
        await using var cluster = await FaultCluster.StartAsync(siloCount: 2, cancellation);
        using var driver = new FaultDriver(cluster.Silos, FaultCluster.Token("soak-tenant"));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var sent = new long[Campaigns];
        var snapshots = 0L;
        var reads = 0L;

        var load = Task.WhenAll(
            IngestAsync(driver, sent, stop.Token),
            Task.WhenAll(Enumerable.Range(0, Campaigns / 2).Select(i => WatchAsync(driver, i % 2, $"soak-{i}", () => Interlocked.Increment(ref snapshots), stop.Token))),
            ReadAsync(driver, () => Interlocked.Increment(ref reads), stop.Token));
        await Task.Delay(WarmUp, cancellation);
        var start = cluster.Silos.Select(silo => silo.Resources()).ToList();
        await Task.Delay(duration, cancellation);
        var end = cluster.Silos.Select(silo => silo.Resources()).ToList();
        await stop.CancelAsync();
        await load;

        for (var i = 0; i < cluster.Silos.Count; i++)
        {
            output?.WriteLine($"silo {i}: working set {start[i].WorkingSet / 1048576} MB -> {end[i].WorkingSet / 1048576} MB, handles {start[i].Handles} -> {end[i].Handles}");
        }
        output?.WriteLine($"{duration.TotalSeconds:0} s after {WarmUp.TotalSeconds:0} s warm-up: {sent.Sum()} events ingested, {snapshots} watch snapshots, {reads} report reads");

        for (var i = 0; i < cluster.Silos.Count; i++)
        {
            // Flat with room for the collector's rhythm: not the steady climb of a leak.
            Assert.True(end[i].WorkingSet <= start[i].WorkingSet + 128 * 1048576, $"silo {i} working set grew from {start[i].WorkingSet} to {end[i].WorkingSet}");
            Assert.True(end[i].Handles <= start[i].Handles + 64, $"silo {i} handles grew from {start[i].Handles} to {end[i].Handles}");
        }
        for (var i = 0; i < Campaigns; i++)
        {
            var tab = await driver.Reports(0).GetEmailTabAsync(new TabRequest { CampaignId = $"soak-{i}", Window = Window.AllTime }, driver.Headers);
            Assert.Equal(sent[i], tab.Totals.Sent);
        }
    }

    private static async Task IngestAsync(FaultDriver driver, long[] sent, CancellationToken stop)
    {
        var now = DateTimeOffset.UtcNow;
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var campaign = n % Campaigns;
            var events = Enumerable.Range(0, 50)
                .Select(i => new Domain.DeliveryEvent($"{n}-{i}", $"soak-{campaign}", Domain.Channel.Email, Domain.EventKind.Sent, now, $"p{i}", "example.com"))
                .ToArray();
            await driver.Ingest(n % 2).IngestAsync(new Domain.EventBatch("soak-tenant", $"soak-{n}", events).ToIngestRequest(), driver.Headers, DateTime.UtcNow.AddSeconds(10));
            sent[campaign] += events.Length;
            await Task.Delay(50, CancellationToken.None);
        }
    }

    private static async Task WatchAsync(FaultDriver driver, int silo, string campaign, Action snapshot, CancellationToken stop)
    {
        // A watch of a campaign with no events yet is NOT_FOUND: wait for its first batch.
        while (true)
        {
            try
            {
                using var watch = driver.Reports(silo).WatchReport(new ReportRequest { CampaignId = campaign, Window = Window.Last24H }, driver.Headers, cancellationToken: stop);
                while (await watch.ResponseStream.MoveNext(stop)) snapshot();
                return;
            }
            catch (RpcException exception) when (exception.StatusCode == StatusCode.NotFound)
            {
                await Task.Delay(100, stop);
            }
            catch (RpcException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static async Task ReadAsync(FaultDriver driver, Action read, CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            try
            {
                await driver.Reports(n % 2).GetReportAsync(new ReportRequest { CampaignId = $"soak-{n % Campaigns}", Window = Window.Last24H }, driver.Headers, DateTime.UtcNow.AddSeconds(10));
                read();
            }
            catch (RpcException exception) when (exception.StatusCode == StatusCode.NotFound)
            {
            }
            await Task.Delay(100, CancellationToken.None);
        }
    }
}
