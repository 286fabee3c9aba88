using System.Diagnostics;
using Azure.Data.Tables;
using CampaignGrains.Api.Security;
using CampaignGrains.Api.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Domain = CampaignGrains.Abstractions;

namespace CampaignGrains.Faults.Tests.Harness;

/// <summary>
/// The local multi-node mode a user runs: <c>./cluster.sh 3</c>, three silo processes and Azurite on
/// loopback with Azure Table clustering. Its grains land on more than one silo, and with one silo
/// killed every campaign's report is still served, exactly.
/// </summary>
public sealed class LocalClusterScriptTests
{
    private const string Tenant = "demo";
    private const int Campaigns = 30;
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(5);
    private static readonly string[] StatisticsGrainTypes = ["CampaignGrain", "EmailGrain", "PushGrain"];

    [Fact]
    public async Task Cluster_script_spreads_grains_over_its_silos_serves_every_report_exactly_after_one_silo_is_killed_and_stops_everything_on_SIGTERM()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(8));
        var cancellation = timeout.Token;
        var log = TestContext.Current.TestOutputHelper;
        var clock = Stopwatch.StartNew();

        // The script builds the silo in Release first: minutes on a cold machine, seconds when up to date.
        await using var script = await ClusterScript.StartAsync(silos: 3, readyWithin: TimeSpan.FromMinutes(6), cancellation);
        var started = clock.Elapsed;
        log?.WriteLine($"cluster.sh ready after {started.TotalSeconds:0.0} s: " +
            string.Join("; ", script.Silos.Select(s => $"silo {s.Index} pid {s.Pid} grpc {s.GrpcPort} web {s.WebPort}")));
        var silos = script.Silos;
        var channels = silos.ToDictionary(s => s.Index, s => GrpcChannel.ForAddress($"http://127.0.0.1:{s.GrpcPort}"));
        try
        {
            var token = DevelopmentTokens.Mint(DevelopmentTokens.DevelopmentSigningKey, "campaigngrains", "campaigngrains", Tenant, DevelopmentTokens.DefaultScopes, TimeSpan.FromHours(1));
            var headers = new Metadata { { "authorization", $"Bearer {token}" } };

            // An Orleans client of the script's cluster; first, every silo has joined every other's view.
            using var client = await StartClusterClientAsync(script, cancellation);
            var management = client.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0);
            await WaitUntilAsync(async () => (await management.GetHosts(onlyActive: true)).Count == silos.Count, TimeSpan.FromSeconds(30), "the script's silos did not all become active members");

            // Ingest: two batches a campaign (email, push), spread over every silo's gateway.
            var now = DateTimeOffset.UtcNow;
            var runId = Guid.NewGuid().ToString("N")[..8];
            var campaigns = Enumerable.Range(0, Campaigns).Select(i => new Expected($"cluster-script-{runId}-{i:00}", EmailSent: 2 + i % 4, PushSent: 1 + i % 3)).ToList();
            var batches = campaigns.SelectMany(c => c.Batches(now)).ToList();
            await Task.WhenAll(batches.Select(async (batch, n) =>
            {
                var ingest = new IngestService.IngestServiceClient(channels[silos[n % silos.Count].Index]);
                var response = await ingest.IngestAsync(batch.ToIngestRequest(), headers, DateTime.UtcNow + TimeSpan.FromSeconds(30), cancellation);
                Assert.Equal(BatchOutcome.Applied, response.Outcome);
                Assert.Equal(batch.Events.Length, response.Accepted);
            }));
            log?.WriteLine($"ingested {batches.Count} batches ({batches.Sum(b => b.Events.Length)} events) for {Campaigns} campaigns");

            // Where the statistics grains live, from the Orleans management grain through a client of the script's cluster.
            var placement = await StatisticsGrainsBySiloAsync(script, management, cancellation);
            log?.WriteLine("statistics grains by silo: " + string.Join(", ", placement.OrderBy(p => p.Key).Select(p => $"silo {p.Key}: {p.Value}")));
            Assert.Equal(Campaigns * StatisticsGrainTypes.Length, placement.Values.Sum());
            Assert.True(placement.Count(p => p.Value > 0) >= 2, $"the statistics grains are all on one silo: {string.Join(", ", placement)}");

            // Kill (SIGKILL, a crash) the silo holding the most statistics grains; its pid is the one the script printed.
            var victim = silos.Single(s => s.Index == placement.MaxBy(p => p.Value).Key);
            ScriptProcess.SignalProcess(victim.Pid, ScriptProcess.SigKill);
            await WaitUntilAsync(() => !ScriptProcess.IsAlive(victim.Pid), TimeSpan.FromSeconds(10), $"silo {victim.Index} (pid {victim.Pid}) still alive after SIGKILL");
            var killedAt = clock.Elapsed;
            log?.WriteLine($"killed silo {victim.Index} (pid {victim.Pid}), which held {placement[victim.Index]} statistics grains");

            // Every campaign's all-time report, from the surviving gateways, equals what was ingested.
            var survivors = silos.Where(s => s != victim).ToList();
            var reportsBy = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            var retries = 0;
            var mismatches = new List<string>();
            for (var i = 0; i < campaigns.Count; i++)
            {
                var expected = campaigns[i];
                var reports = new ReportService.ReportServiceClient(channels[survivors[i % survivors.Count].Index]);
                var report = await RetryAsync(
                    () => reports.GetReportAsync(new ReportRequest { CampaignId = expected.CampaignId, Window = Window.AllTime }, headers, DateTime.UtcNow + CallDeadline, cancellation).ResponseAsync,
                    reportsBy, () => retries++, cancellation);
                var actual = (report.Email.Totals.Sent, report.Email.Totals.Delivered, report.Email.Totals.Opens, report.Push.Totals.Sent, report.Push.Totals.Delivered, report.Campaign.Delivered);
                var wanted = (expected.EmailSent, expected.EmailSent - 1L, 1L, expected.PushSent, 1L, expected.EmailSent);
                if (actual != wanted) mismatches.Add($"{expected.CampaignId}: expected {wanted}, got {actual}");
            }
            var servedIn = clock.Elapsed - killedAt;
            log?.WriteLine($"all {Campaigns} reports served by the surviving silos {servedIn.TotalSeconds:0.0} s after the kill, {retries} retried calls, mismatches {mismatches.Count}");
            Assert.Empty(mismatches);

            // The killed silo's grains now live on the survivors.
            var after = await StatisticsGrainsBySiloAsync(script, management, cancellation);
            log?.WriteLine("statistics grains by silo after the kill: " + string.Join(", ", after.OrderBy(p => p.Key).Select(p => $"silo {p.Key}: {p.Value}")));
            Assert.DoesNotContain(victim.Index, after.Keys);
            Assert.Equal(Campaigns * StatisticsGrainTypes.Length, after.Values.Sum());
            Assert.Contains($"silo {victim.Index} (pid {victim.Pid}) has stopped", script.Output);
            await client.StopAsync(CancellationToken.None);
        }
        finally
        {
            foreach (var channel in channels.Values) channel.Dispose();
        }

        // SIGTERM to the script stops every silo and Azurite, then the script itself.
        script.Signal(ScriptProcess.SigTerm);
        Assert.True(await script.WaitForExitAsync(TimeSpan.FromSeconds(60)), $"cluster.sh still running 60 s after SIGTERM:\n{script.Output}");
        var stillAlive = silos.Where(s => ScriptProcess.IsAlive(s.Pid)).Select(s => s.Pid).ToList();
        Assert.Empty(stillAlive);
        Assert.Contains("stopped.", script.Output);
        log?.WriteLine($"SIGTERM stopped the script, its silos and Azurite; total {clock.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>Statistics grain activations per script silo index, as the management grain sees the cluster.</summary>
    private static async Task<Dictionary<int, int>> StatisticsGrainsBySiloAsync(ClusterScript script, IManagementGrain management, CancellationToken cancellationToken)
    {
        var statistics = await RetryAsync(() => management.GetDetailedGrainStatistics(), DateTime.UtcNow + TimeSpan.FromSeconds(30), () => { }, cancellationToken);
        return statistics
            .Where(s => StatisticsGrainTypes.Any(type => s.GrainType.Contains(type, StringComparison.OrdinalIgnoreCase)) && s.GrainId.ToString().Contains($"{Tenant}/cluster-script-", StringComparison.Ordinal))
            .GroupBy(s => script.SiloIndexOfSiloPort(s.SiloAddress.Endpoint.Port))
            .ToDictionary(g => g.Key, g => g.Count());
    }

    private static async Task<IHost> StartClusterClientAsync(ClusterScript script, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client => client
            .Configure<ClusterOptions>(options =>
            {
                options.ClusterId = "local";
                options.ServiceId = "campaigngrains";
            })
            .UseAzureStorageClustering(options => options.TableServiceClient = new TableServiceClient(script.StorageConnectionString)));
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return host;
    }

    /// <summary>Retries a call that fails while the cluster notices the dead silo (UNAVAILABLE, a deadline, a silo unreachable) until <paramref name="by"/>.</summary>
    private static async Task<T> RetryAsync<T>(Func<Task<T>> call, DateTime by, Action retried, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception exception) when (DateTime.UtcNow < by && !cancellationToken.IsCancellationRequested && exception is RpcException or OrleansException or TimeoutException)
            {
                retried();
                await Task.Delay(250, cancellationToken);
            }
        }
    }

    private static Task WaitUntilAsync(Func<bool> condition, TimeSpan within, string failure) =>
        WaitUntilAsync(() => Task.FromResult(condition()), within, failure);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan within, string failure)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > within) Assert.Fail(failure);
            await Task.Delay(100);
        }
    }

    /// <summary>One campaign's batches and what its report must show.</summary>
    private sealed record Expected(string CampaignId, long EmailSent, long PushSent)
    {
        public IEnumerable<Domain.EventBatch> Batches(DateTimeOffset now)
        {
            var email = new List<Domain.DeliveryEvent>();
            for (var p = 0; p < EmailSent; p++)
            {
                email.Add(new($"{CampaignId}-email-sent-{p}", CampaignId, Domain.Channel.Email, Domain.EventKind.Sent, now, $"profile-{p}", "example.com"));
                if (p > 0) email.Add(new($"{CampaignId}-email-delivered-{p}", CampaignId, Domain.Channel.Email, Domain.EventKind.Delivered, now, $"profile-{p}", "example.com"));
            }
            email.Add(new($"{CampaignId}-email-opened-0", CampaignId, Domain.Channel.Email, Domain.EventKind.Opened, now, "profile-0", "example.com"));
            var push = new List<Domain.DeliveryEvent>();
            for (var p = 0; p < PushSent; p++)
                push.Add(new($"{CampaignId}-push-sent-{p}", CampaignId, Domain.Channel.Push, Domain.EventKind.Sent, now, $"profile-{p}", Platform: "ios"));
            push.Add(new($"{CampaignId}-push-delivered-0", CampaignId, Domain.Channel.Push, Domain.EventKind.Delivered, now, "profile-0", Platform: "ios"));
            yield return new(Tenant, $"{CampaignId}-email", [.. email]);
            yield return new(Tenant, $"{CampaignId}-push", [.. push]);
        }
    }
}
