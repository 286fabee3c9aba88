using Spectre.Console;

namespace CampaignGrains.Cli;

/// <summary>Where a command writes: rich output to the console, plain words about failures to the error writer.</summary>
internal sealed record Terminal(IAnsiConsole Console, TextWriter Error)
{
    /// <summary>
    /// The console's own writer, for text a script reads (JSON, CSV, a token): written as is, never
    /// wrapped at the console's width or decorated.
    /// </summary>
    public TextWriter Out => Console.Profile.Out.Writer;

    /// <summary>A person is watching: progress bars and live displays are worth drawing.</summary>
    public bool IsInteractive => Console.Profile.Capabilities.Interactive;
}
