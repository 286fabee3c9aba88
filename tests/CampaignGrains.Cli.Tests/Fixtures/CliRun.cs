using Spectre.Console;

namespace CampaignGrains.Cli.Tests.Fixtures;

/// <summary>One campaignctl run in-process: its exit code, what it printed, and what it said on stderr.</summary>
public sealed class CliRun
{
    private readonly StringWriter _output = new();
    private readonly TextWriter _synchronizedOutput;
    private readonly StringWriter _error = new();

    private CliRun()
    {
        // A watch writes from its stream while the test reads what arrived so far.
        _synchronizedOutput = TextWriter.Synchronized(_output);
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(_synchronizedOutput),
        });
        Console.Profile.Width = 200;
    }

    public IAnsiConsole Console { get; }

    public int ExitCode { get; private set; } = -1;

    public string Output
    {
        get
        {
            lock (_synchronizedOutput) return _output.ToString();
        }
    }

    public string Error => _error.ToString();

    public static async Task<CliRun> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var run = Start(args, cancellationToken, out var running);
        await running;
        return run;
    }

    /// <summary>Starts a run the test watches while it goes on; <paramref name="running"/> completes when it ends.</summary>
    public static CliRun Start(string[] args, CancellationToken cancellationToken, out Task running)
    {
        var run = new CliRun();
        running = Task.Run(async () => run.ExitCode = await CampaignCtl.RunAsync(args, run.Console, run._error, cancellationToken), CancellationToken.None);
        return run;
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
