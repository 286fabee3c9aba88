using System.CommandLine;
using System.CommandLine.Help;
using CampaignGrains.Cli.Commands;
using CampaignGrains.Cli.Connection;
using CampaignGrains.Cli.Failures;
using Grpc.Core;
using Spectre.Console;

namespace CampaignGrains.Cli;

/// <summary>campaignctl's entry: parses the command line, runs the command, and answers its exit code.</summary>
public static class CampaignCtl
{
    /// <param name="console">Where output goes; tests pass a console that records it.</param>
    /// <param name="error">Where failures are described, in plain words.</param>
    /// <param name="cancellationToken">Cancelled by Ctrl-C.</param>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, TextWriter error, CancellationToken cancellationToken)
    {
        var terminal = new Terminal(console, error);
        var parse = CreateRootCommand(terminal).Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
        {
            foreach (var parseError in parse.Errors) error.WriteLine(parseError.Message);
            error.WriteLine($"See: {CommandPath(parse)} --help");
            return ExitCodes.Usage;
        }

        try
        {
            // Ctrl-C arrives as the token: the host decides how it is caught.
            var exitCode = await parse.InvokeAsync(
                new InvocationConfiguration { Output = terminal.Out, Error = error, ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false },
                cancellationToken);
            if (parse.Action is HelpAction && parse.CommandResult.Command.Name == IngestCommand.Name) terminal.Out.WriteLine(IngestCommand.Schema);
            return exitCode;
        }
        catch (CliFailure failure)
        {
            error.WriteLine(failure.Message);
            return failure.ExitCode;
        }
        catch (Exception exception) when (cancellationToken.IsCancellationRequested &&
                                          exception is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
        {
            error.WriteLine("Interrupted.");
            return ExitCodes.Interrupted;
        }
        catch (Exception exception)
        {
            error.WriteLine($"campaignctl failed unexpectedly: {exception.Message}");
            return ExitCodes.Unexpected;
        }
    }

    private static RootCommand CreateRootCommand(Terminal terminal)
    {
        var global = new GlobalOptions();
        var root = new RootCommand("campaignctl: reports, live views, ingest, simulation and export of CampaignGrains campaigns over the gRPC API.")
        {
            global.Address,
            global.Token,
            ReportCommand.Create(global, terminal),
            WatchCommand.Create(global, terminal),
            IngestCommand.Create(global, terminal),
            SimulateCommand.Create(global, terminal),
            ExportCommand.Create(global, terminal),
            CampaignsCommand.Create(global, terminal),
            TokenCommand.Create(terminal),
        };
        return root;
    }

    private static string CommandPath(ParseResult parse) =>
        parse.CommandResult.Command is RootCommand ? "campaignctl" : $"campaignctl {parse.CommandResult.Command.Name}";
}
