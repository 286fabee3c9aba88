using System.CommandLine;
using System.Text;
using CampaignGrains.Api.Security;
using CampaignGrains.Cli.Connection;
using CampaignGrains.Cli.Widgets;

namespace CampaignGrains.Cli.Commands;

/// <summary><c>export &lt;campaign&gt; --out DIR</c>: every widget of every tab as its own CSV file.</summary>
internal static class ExportCommand
{
    public static Command Create(GlobalOptions global, Terminal terminal)
    {
        var selection = new ReportSelection(withTabs: false);
        var output = new Option<DirectoryInfo>("--out") { Description = "The directory to write the CSV files to (created if missing)", Required = true };
        var command = new Command("export",
            "Write every widget of the report as a CSV file (RFC 4180, UTF-8, invariant numbers; rates as fractions, empty when absent; " +
            "times in RFC 3339 UTC): campaign-*, email-*, push-*.csv. Prints the files written.");
        selection.AddTo(command);
        command.Add(output);
        command.SetAction((parse, cancellationToken) => ClusterCall.RunAsync(global, parse, Scopes.ReportsRead, async connection =>
        {
            var report = await connection.Reports.GetReportAsync(selection.Request(parse), connection.Call(cancellationToken));
            var directory = parse.GetRequiredValue(output);
            directory.Create();
            foreach (var widget in ReportWidgets.Of(report))
            {
                var path = Path.Combine(directory.FullName, widget.FileName);
                await using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
                {
                    widget.WriteCsv(writer);
                }
                terminal.Out.WriteLine(path);
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
