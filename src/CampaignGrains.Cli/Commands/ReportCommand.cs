using System.CommandLine;
using CampaignGrains.Api.Security;
using CampaignGrains.Cli.Connection;
using CampaignGrains.Cli.Rendering;
using CampaignGrains.Cli.Widgets;

namespace CampaignGrains.Cli.Commands;

/// <summary><c>report &lt;campaign&gt;</c>: the report's tabs once, as tables and charts, JSON or CSV.</summary>
internal static class ReportCommand
{
    public static Command Create(GlobalOptions global, Terminal terminal)
    {
        var selection = new ReportSelection(withTabs: true);
        var json = new Option<bool>("--json") { Description = "Print the Report message in protobuf's JSON mapping, for scripts" };
        var csv = new Option<bool>("--csv")
        {
            Description = "Print every widget as CSV, the same tables export writes: each one after a line '# <widget>.csv' and followed by an empty line",
        };
        var command = new Command("report", "Show a campaign's report: counts, rates, the span covered, summary charts and breakdowns");
        selection.AddTo(command);
        command.Add(json);
        command.Add(csv);
        command.Validators.Add(result =>
        {
            if (result.GetValue(json) && result.GetValue(csv)) result.AddError("--json and --csv cannot be combined: pick one.");
        });
        command.SetAction((parse, cancellationToken) => ClusterCall.RunAsync(global, parse, Scopes.ReportsRead, async connection =>
        {
            var request = selection.Request(parse);
            var report = await connection.Reports.GetReportAsync(request, connection.Call(cancellationToken));
            if (parse.GetValue(json))
            {
                terminal.Out.WriteLine(ProtoJson.Format(report));
            }
            else if (parse.GetValue(csv))
            {
                foreach (var widget in ReportWidgets.Of(report))
                {
                    terminal.Out.Write($"# {widget.FileName}\r\n");
                    widget.WriteCsv(terminal.Out);
                    terminal.Out.Write("\r\n");
                }
            }
            else
            {
                terminal.Console.Write(ReportView.Of(request.CampaignId, report));
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
