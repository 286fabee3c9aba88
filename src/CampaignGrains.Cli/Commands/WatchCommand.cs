using System.CommandLine;
using CampaignGrains.Api.Security;
using CampaignGrains.Api.V1;
using CampaignGrains.Cli.Connection;
using CampaignGrains.Cli.Rendering;
using Grpc.Core;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace CampaignGrains.Cli.Commands;

/// <summary><c>watch &lt;campaign&gt;</c>: the report kept live from the WatchReport stream until Ctrl-C.</summary>
internal static class WatchCommand
{
    public static Command Create(GlobalOptions global, Terminal terminal)
    {
        var selection = new ReportSelection(withTabs: true);
        var count = new Option<int?>("--count") { Description = "Stop after this many snapshots (for scripts)" };
        count.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is <= 0) result.AddError("--count must be at least 1.");
        });
        var command = new Command("watch",
            "Keep a campaign's report live: a new snapshot whenever its statistics change. Ctrl-C ends it. " +
            "When output is not a terminal, every snapshot is printed in turn.");
        selection.AddTo(command);
        command.Add(count);
        command.SetAction((parse, cancellationToken) => ClusterCall.RunAsync(global, parse, Scopes.ReportsRead, async connection =>
        {
            var request = selection.Request(parse);
            using var call = connection.Reports.WatchReport(request, connection.Stream(cancellationToken));
            var snapshots = Snapshots(call.ResponseStream, parse.GetValue(count), cancellationToken);
            try
            {
                if (terminal.IsInteractive) await ShowLiveAsync(terminal, request.CampaignId, snapshots);
                else await PrintEachAsync(terminal, request.CampaignId, snapshots);
            }
            catch (Exception exception) when (cancellationToken.IsCancellationRequested &&
                                              exception is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
            {
                // Ctrl-C is how a watch is meant to end.
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static async IAsyncEnumerable<(int Number, Report Report)> Snapshots(
        IAsyncStreamReader<Report> stream, int? limit, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var number = 0;
        while (number != limit && await stream.MoveNext(cancellationToken)) yield return (++number, stream.Current);
    }

    private static Task ShowLiveAsync(Terminal terminal, string campaignId, IAsyncEnumerable<(int Number, Report Report)> snapshots) =>
        terminal.Console.Live(new Text("Waiting for the first snapshot…")).StartAsync(async live =>
        {
            await foreach (var (number, report) in snapshots)
            {
                live.UpdateTarget(new Rows(Header(number), ReportView.Of(campaignId, report)));
                live.Refresh();
            }
        });

    private static async Task PrintEachAsync(Terminal terminal, string campaignId, IAsyncEnumerable<(int Number, Report Report)> snapshots)
    {
        await foreach (var (number, report) in snapshots)
        {
            terminal.Console.Write(Header(number));
            terminal.Console.Write(ReportView.Of(campaignId, report));
        }
    }

    private static IRenderable Header(int number) =>
        new Markup($"[bold]snapshot {number}[/] at {DateTimeOffset.UtcNow:HH:mm:ss}Z (Ctrl-C ends the watch)\n");
}
