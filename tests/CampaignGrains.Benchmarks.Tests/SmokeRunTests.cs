using CampaignGrains.Benchmarks;

namespace CampaignGrains.Benchmarks.Tests;

/// <summary>
/// The benchmark's one-minute smoke, in-process: it must finish and print every measurement with a figure.
/// No time is asserted: on a shared CI machine the figures mean nothing.
/// </summary>
public sealed class SmokeRunTests
{
    [Fact]
    public async Task Smoke_run_prints_every_measurement_with_a_number()
    {
        var output = new StringWriter();

        var exitCode = await EndToEndBenchmark.RunAsync(["--smoke"], output, TestContext.Current.CancellationToken);

        TestContext.Current.TestOutputHelper?.WriteLine(output.ToString());
        Assert.Equal(0, exitCode);
        var rows = output.ToString().Split('\n')
            .Where(line => line.StartsWith("| ", StringComparison.Ordinal) && !line.StartsWith("| section", StringComparison.Ordinal))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .Select(cells => (Section: cells[1], Measurement: cells[2], Ours: cells[3]))
            .ToList();
        foreach (var section in (string[])["Memory", "Ingest", "Read", "PostgreSQL", "DuckDB", "Recovery"]) Assert.Contains(rows, row => row.Section == section);
        Assert.Contains(rows, row => row.Measurement.Contains("p99", StringComparison.Ordinal));
        Assert.All(rows.Where(row => !row.Ours.StartsWith("skipped", StringComparison.Ordinal)), row => Assert.Matches(@"\d", row.Ours));
    }
}
