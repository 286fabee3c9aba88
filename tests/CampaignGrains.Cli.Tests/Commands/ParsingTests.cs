using CampaignGrains.Cli.Tests.Fixtures;

namespace CampaignGrains.Cli.Tests.Commands;

/// <summary>Usage errors end with exit 2 and a message naming the argument, before anything is called.</summary>
public sealed class ParsingTests
{
    [Theory]
    [InlineData("campaign", "report")]
    [InlineData("--window", "report", "c1", "--window", "7d")]
    [InlineData("--tab", "report", "c1", "--tab", "sms")]
    [InlineData("--json and --csv", "report", "c1", "--json", "--csv")]
    [InlineData("campaign", "watch")]
    [InlineData("--count", "watch", "c1", "--count", "0")]
    [InlineData("file", "ingest")]
    [InlineData("missing.ndjson", "ingest", "missing.ndjson")]
    [InlineData("--batch-size", "ingest", "--batch-size", "0", "x.csv")]
    [InlineData("--parallel", "ingest", "--parallel", "0", "x.csv")]
    [InlineData("--parallel", "simulate", "c1", "--parallel", "65")]
    [InlineData("--delivery-rate", "simulate", "c1", "--delivery-rate", "1.5")]
    [InlineData("--span", "simulate", "c1", "--span", "forever")]
    [InlineData("--rate", "simulate", "c1", "--rate", "0")]
    [InlineData("--out", "export", "c1")]
    [InlineData("--tenant", "token")]
    [InlineData("--signing-key", "token", "--tenant", "t", "--signing-key", "not base64!")]
    [InlineData("--address", "campaigns", "--address", "127.0.0.1:5001")]
    [InlineData("command", "frobnicate")]
    public async Task Bad_command_line_exits_2_naming_the_argument(string named, params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains(named, run.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Ingest_of_a_file_without_a_known_extension_asks_for_the_format()
    {
        using var directory = new TempDirectory();
        await File.WriteAllTextAsync(directory.File("events.txt"), "");

        var run = await CliRun.RunAsync(["ingest", directory.File("events.txt")]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--format", run.Error);
    }

    [Fact]
    public async Task Ingest_help_documents_the_file_schema()
    {
        var run = await CliRun.RunAsync(["ingest", "--help"]);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        foreach (var field in EventLines.Columns) Assert.Contains(field, run.Output);
        Assert.Contains("spam_complaint", run.Output);
    }
}
