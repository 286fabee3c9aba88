using CampaignGrains.Api.V1;
using CampaignGrains.Cli.Tests.Fixtures;

namespace CampaignGrains.Cli.Tests.Commands;

[Collection(ClusterCollection.Name)]
public sealed class IngestTests(ClusterFixture cluster)
{
    [Theory]
    [InlineData("events.ndjson", 1)]
    [InlineData("events.ndjson", 8)]
    [InlineData("events.csv", 8)]
    public async Task Ingested_totals_equal_the_files_lines_and_a_rerun_is_all_duplicates(string fileName, int parallel)
    {
        using var directory = new TempDirectory();
        var campaign = $"ingest-{Guid.NewGuid():N}";
        var path = directory.File(fileName);
        var events = EventLines.Mixed(campaign, 250);
        await File.WriteAllTextAsync(path, fileName.EndsWith(".csv") ? EventLines.Csv(events) : EventLines.Ndjson(events));
        var oracle = fileName.EndsWith(".csv") ? LineCounts.FromCsv(path) : LineCounts.FromNdjson(path);

        string[] args = ["ingest", path, "--batch-size", "40", "--parallel", parallel.ToString()];

        var first = await cluster.CtlAsync(args);
        var report = await cluster.ReportAsync(campaign, Window.AllTime);
        var rerun = await cluster.CtlAsync(args);
        var afterRerun = await cluster.ReportAsync(campaign, Window.AllTime);

        Assert.True(first.ExitCode == ExitCodes.Ok, first.ToString());
        Assert.Equal(oracle.Count("entered"), report.Campaign.Entered);
        Assert.Equal(oracle.Count("excluded"), report.Campaign.Excluded);
        Assert.Equal(oracle.Count("delivered"), report.Campaign.Delivered);
        Assert.Equal(oracle.Count("errored"), report.Campaign.Errors);
        var email = report.Email.Totals;
        Assert.Equal(oracle.Count("sent", "email"), email.Sent);
        Assert.Equal(oracle.Count("delivered", "email"), email.Delivered);
        Assert.Equal(oracle.Count("bounced", "email"), email.Bounces);
        Assert.Equal(oracle.Count("bounced", "email", "hard"), email.HardBounces);
        Assert.Equal(oracle.Count("bounced", "email", "soft"), email.SoftBounces);
        Assert.Equal(oracle.Count("bounced", "email", "ignored"), email.IgnoredBounces);
        Assert.Equal(oracle.Count("errored", "email"), email.Errors);
        Assert.Equal(oracle.Count("excluded", "email"), email.Excluded);
        Assert.Equal(oracle.Count("opened", "email"), email.Opens);
        Assert.Equal(oracle.Count("clicked", "email"), email.Clicks);
        Assert.Equal(oracle.Count("unsubscribed", "email"), email.Unsubscribes);
        Assert.Equal(oracle.Count("spam_complaint", "email"), email.SpamComplaints);
        var push = report.Push.Totals;
        Assert.Equal(oracle.Count("sent", "push"), push.Sent);
        Assert.Equal(oracle.Count("delivered", "push"), push.Delivered);
        Assert.Equal(oracle.Count("bounced", "push"), push.Bounces);
        Assert.Equal(oracle.Count("errored", "push"), push.Errors);
        Assert.Equal(oracle.Count("excluded", "push"), push.Excluded);
        Assert.Equal(oracle.Count("opened", "push"), push.Opens);
        Assert.Equal(oracle.Count("push_action", "push"), push.Actions);
        Assert.Matches($@"│\s*{oracle.Total}\s*│\s*0\s*│\s*0\s*│\s*0\s*│", first.Output);

        Assert.True(rerun.ExitCode == ExitCodes.Ok, rerun.ToString());
        Assert.Matches($@"│\s*0\s*│\s*{oracle.Total}\s*│\s*0\s*│\s*0\s*│", rerun.Output);
        Assert.Equal(Without.Spans(report), Without.Spans(afterRerun));
    }

    [Fact]
    public async Task A_malformed_line_is_reported_with_file_and_line_and_the_rest_is_sent()
    {
        using var directory = new TempDirectory();
        var campaign = $"malformed-{Guid.NewGuid():N}";
        var path = directory.File("mixed.ndjson");
        var lines = EventLines.Ndjson(EventLines.Mixed(campaign, 6)).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        lines.Insert(2, "{\"eventId\": \"broken\"");
        lines.Insert(4, lines[1].Replace("\"sent\"", "\"teleported\""));
        await File.WriteAllLinesAsync(path, lines);

        var run = await cluster.CtlAsync(["ingest", path]);
        var report = await cluster.ReportAsync(campaign, Window.AllTime);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("mixed.ndjson:3: not valid JSON", run.Error);
        Assert.Contains("mixed.ndjson:5: kind 'teleported'", run.Error);
        Assert.Matches(@"│\s*6\s*│\s*0\s*│\s*0\s*│\s*2\s*│", run.Output);
        Assert.Equal(1, report.Campaign.Entered);
    }

    [Fact]
    public async Task Rejected_events_are_grouped_by_field_and_message_with_where_the_first_one_is()
    {
        using var directory = new TempDirectory();
        var campaign = $"rejected-{Guid.NewGuid():N}";
        var path = directory.File("bounces.csv");
        var events = EventLines.Mixed(campaign, 20);
        foreach (var e in events.Where(e => e["kind"] == "bounced" && e["channel"] == "email")) e["bounceType"] = "";
        await File.WriteAllTextAsync(path, EventLines.Csv(events));

        var run = await cluster.CtlAsync(["ingest", path]);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Matches(@"bounce_type\s*│\s*is required on email bounces[^│]*│\s*3\s*│\s*bounces.csv:7", run.Output);
        Assert.Matches(@"│\s*17\s*│\s*0\s*│\s*3\s*│\s*0\s*│", run.Output);
    }

    [Fact]
    public async Task Only_the_first_100_malformed_lines_are_printed_and_the_summary_counts_them_all()
    {
        using var directory = new TempDirectory();
        var campaign = $"flood-{Guid.NewGuid():N}";
        var path = directory.File("flood.ndjson");
        var valid = EventLines.Ndjson(EventLines.Mixed(campaign, 10)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        await File.WriteAllLinesAsync(path, [.. valid, .. Enumerable.Repeat("{\"eventId\": 7}", 150)]);

        var run = await cluster.CtlAsync(["ingest", path]);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        var printed = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(101, printed.Length);
        Assert.StartsWith("flood.ndjson:11: eventId must be a string", printed[0]);
        Assert.StartsWith("flood.ndjson:110: ", printed[99]);
        Assert.Equal("... and 50 more malformed lines", printed[100]);
        Assert.Matches(@"│\s*10\s*│\s*0\s*│\s*0\s*│\s*150\s*│", run.Output);
    }

    [Fact]
    public async Task A_refused_token_stops_the_run_with_exit_4_before_the_rest_of_the_file_is_read()
    {
        using var directory = new TempDirectory();
        var path = directory.File("refused.ndjson");
        var lines = EventLines.Ndjson(EventLines.Mixed($"refused-{Guid.NewGuid():N}", 2000));
        // Read only if the run went on past the refusal.
        await File.WriteAllTextAsync(path, lines + "not json\n");

        var run = await CliRun.RunAsync(["ingest", path, "--batch-size", "10", "--parallel", "8", "--address", cluster.Address, "--token", ""]);

        Assert.Equal(ExitCodes.NotAuthorized, run.ExitCode);
        Assert.Contains("No token", run.Error);
        Assert.DoesNotContain("refused.ndjson:2001", run.Error);
        Assert.DoesNotContain("Ingest summary", run.Output);
    }

    [Fact]
    public async Task Ctrl_C_stops_a_run_with_batches_in_flight_and_exits_130()
    {
        using var directory = new TempDirectory();
        var path = directory.File("interrupted.ndjson");
        await File.WriteAllTextAsync(path, EventLines.Ndjson(EventLines.Mixed($"interrupted-{Guid.NewGuid():N}", 20_000)));
        using var interrupt = new CancellationTokenSource();

        // One event per call keeps the run going long enough to be interrupted mid-flight.
        var run = CliRun.Start(["ingest", path, "--batch-size", "1", "--parallel", "4", "--address", cluster.Address, "--token", ClusterFixture.Token()],
            interrupt.Token, out var running);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        interrupt.Cancel();
        var stopped = await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(10)));

        Assert.Same(running, stopped);
        Assert.True(run.ExitCode == ExitCodes.Interrupted, run.ToString());
        Assert.Contains("Interrupted.", run.Error);
    }
}
