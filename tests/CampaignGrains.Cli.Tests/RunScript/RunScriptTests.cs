using System.Text.RegularExpressions;
using CampaignGrains.Api.Security;
using CampaignGrains.Api.V1;
using CampaignGrains.Cli.Simulation;
using CampaignGrains.Cli.Tests.Fixtures;
using Grpc.Core;
using Grpc.Net.Client;

namespace CampaignGrains.Cli.Tests.RunScript;

/// <summary>
/// The README's first command, <c>./run.sh</c>, as a user runs it (on ports and a data folder of its own):
/// it comes up with Azurite, the silo and the demo page, seeds the demo campaign with campaignctl simulate,
/// serves its report, stops everything on Ctrl-C, and a second run on the same data serves the same report
/// without seeding again.
/// </summary>
public sealed partial class RunScriptTests
{
    private const string Tenant = "demo";
    private const int Recipients = 400;

    [Fact]
    public async Task Run_script_comes_up_serves_the_seeded_demo_report_stops_everything_on_ctrl_c_and_reruns_on_the_same_data()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var log = TestContext.Current.TestOutputHelper;
        using var data = new TempDirectory();
        var campaign = $"run-script-{Guid.NewGuid():N}"[..24];
        var ports = new RunPorts(FreePort.Next(), FreePort.Next(), FreePort.Next(), FreePort.Next(), FreePort.Next());
        var environment = new Dictionary<string, string>
        {
            ["CAMPAIGNGRAINS_DATA"] = data.Path,
            ["AZURITE_TABLE_PORT"] = ports.Table.ToString(),
            ["CAMPAIGNGRAINS_GRPC_PORT"] = ports.Grpc.ToString(),
            ["CAMPAIGNGRAINS_WEB_PORT"] = ports.Web.ToString(),
            ["CAMPAIGNGRAINS_SILO_PORT"] = ports.Silo.ToString(),
            ["CAMPAIGNGRAINS_GATEWAY_PORT"] = ports.Gateway.ToString(),
            ["DEMO_CAMPAIGN"] = campaign,
            ["DEMO_RECIPIENTS"] = Recipients.ToString(),
            ["DEMO_RATE"] = "100000",
        };
        // The counts the seeded campaign must have: the simulator's own events for run.sh's options (seed 1).
        // Its time span moves with the clock; which events it makes does not.
        var expected = Counts.Of(CampaignSimulator.Generate(new SimulationOptions(campaign, Recipients, Seed: 1, TimeSpan.FromHours(24), DateTimeOffset.UtcNow)));

        // First run: everything starts, and the demo campaign is seeded.
        Counts first;
        await using (var run = ScriptProcess.Start("run.sh", [], environment))
        {
            // The script builds the silo and campaignctl in Release first: minutes on a cold machine, seconds when up to date.
            var ready = await run.WaitForLineAsync(line => line.StartsWith("demo ready:", StringComparison.Ordinal), TimeSpan.FromMinutes(6), cancellation);
            var pids = Pids(ready);
            log?.WriteLine($"first run ready: {ready}");
            Assert.Contains($"Seeding the demo campaign {campaign}", run.Output);
            Assert.Contains($"http://127.0.0.1:{ports.Web}/demo/?campaign={campaign}", run.Output);

            first = await ReportCountsAsync(ports.Grpc, campaign, cancellation);
            Assert.Equal(expected, first);
            using (var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ports.Web}") })
            {
                Assert.Contains("cg-dashboard", await http.GetStringAsync("/demo/", cancellation));
                Assert.True((await http.GetAsync("/widgets/campaign-widgets.js", cancellation)).IsSuccessStatusCode);
            }

            await StopWithAsync(run, ScriptProcess.SigInt, expectedExitCode: 130, pids, ports);
        }

        // Second run on the same data folder: nothing seeded again, the same statistics served.
        await using (var rerun = ScriptProcess.Start("run.sh", [], environment))
        {
            var ready = await rerun.WaitForLineAsync(line => line.StartsWith("demo ready:", StringComparison.Ordinal), TimeSpan.FromMinutes(3), cancellation);
            log?.WriteLine($"second run ready: {ready}");
            Assert.Contains($"The demo campaign {campaign} is already there", rerun.Output);
            Assert.DoesNotContain("Seeding the demo campaign", rerun.Output);
            Assert.Equal(first, await ReportCountsAsync(ports.Grpc, campaign, cancellation));

            await StopWithAsync(rerun, ScriptProcess.SigTerm, expectedExitCode: 143, Pids(ready), ports);
        }
    }

    /// <summary>Signals the script and checks it exits with its code, having stopped the silo and Azurite and freed every port.</summary>
    private static async Task StopWithAsync(ScriptProcess run, int signal, int expectedExitCode, (int Silo, int Azurite) pids, RunPorts ports)
    {
        run.Signal(signal);
        Assert.True(await run.WaitForExitAsync(TimeSpan.FromSeconds(60)), $"run.sh still running 60 s after signal {signal}:\n{run.Output}");
        Assert.Equal(expectedExitCode, run.ExitCode);
        Assert.EndsWith("stopped.", run.Output.TrimEnd());
        Assert.False(ScriptProcess.IsAlive(pids.Silo), $"the silo (pid {pids.Silo}) outlived run.sh");
        Assert.False(ScriptProcess.IsAlive(pids.Azurite), $"Azurite (pid {pids.Azurite}) outlived run.sh");
        foreach (var port in ports.All) Assert.True(FreePort.IsFree(port), $"port {port} is still bound after run.sh stopped");
    }

    private static async Task<Counts> ReportCountsAsync(int grpcPort, string campaign, CancellationToken cancellationToken)
    {
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");
        var token = ClusterFixture.Token(Tenant, Scopes.ReportsRead);
        var report = await new ReportService.ReportServiceClient(channel).GetReportAsync(
            new ReportRequest { CampaignId = campaign, Window = Window.AllTime },
            new Metadata { { "authorization", $"Bearer {token}" } }, DateTime.UtcNow.AddSeconds(30), cancellationToken);
        return new Counts(report.Campaign.Entered, report.Campaign.Excluded, report.Campaign.Delivered,
            report.Email.Totals.Sent, report.Email.Totals.Bounces, report.Email.Totals.Opens, report.Email.Totals.Clicks,
            report.Push.Totals.Sent, report.Push.Totals.Actions);
    }

    private static (int Silo, int Azurite) Pids(string readyLine)
    {
        var match = ReadyLine().Match(readyLine);
        Assert.True(match.Success, $"unexpected ready line: {readyLine}");
        return (int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value));
    }

    [GeneratedRegex(@"^demo ready: silo pid (\d+), azurite pid (\d+)")]
    private static partial Regex ReadyLine();

    private sealed record RunPorts(int Table, int Grpc, int Web, int Silo, int Gateway)
    {
        public IEnumerable<int> All => [Table, Grpc, Web, Silo, Gateway];
    }

    /// <summary>The report's counts that a seeded campaign decides, whatever the time.</summary>
    private sealed record Counts(long Entered, long Excluded, long Delivered, long EmailSent, long EmailBounces, long EmailOpens, long EmailClicks, long PushSent, long PushActions)
    {
        public static Counts Of(IReadOnlyList<DeliveryEvent> events)
        {
            long Count(EventKind kind, Channel? channel = null) => events.LongCount(e => e.Kind == kind && (channel is null || e.Channel == channel));
            return new Counts(Count(EventKind.Entered), Count(EventKind.Excluded), Count(EventKind.Delivered),
                Count(EventKind.Sent, Channel.Email), Count(EventKind.Bounced, Channel.Email), Count(EventKind.Opened, Channel.Email), Count(EventKind.Clicked, Channel.Email),
                Count(EventKind.Sent, Channel.Push), Count(EventKind.PushAction, Channel.Push));
        }
    }
}
