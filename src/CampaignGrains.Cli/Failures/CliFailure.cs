namespace CampaignGrains.Cli.Failures;

/// <summary>A failure the user can act on: its message is printed as is, without a stack trace.</summary>
internal sealed class CliFailure(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
