using CampaignGrains.Api.V1;
using CampaignGrains.Cli.Tests.Fixtures;

namespace CampaignGrains.Cli.Tests.Commands;

[Collection(ClusterCollection.Name)]
public sealed class IngestTests(ClusterFixture cluster)
{
    [Theory]
    [InlineData("events.ndjson")]
    [InlineData("events.csv")]
    public async Task Ingested_totals_equal_the_files_lines_and_a_rerun_is_all_duplicates(string fileName)
    {
        using var directory = new TempDirectory();
        var campaign = $"ingest-{Guid.NewGuid():N}";
        var path = directory.File(fileName);
        var events = EventLines.Mixed(campaign, 250);
        await File.WriteAllTextAsync(path, fileName.EndsWith(".csv") ? EventLines.Csv(events) : EventLines.Ndjson(events));
        var oracle = fileName.EndsWith(".csv") ? LineCounts.FromCsv(path) : LineCounts.FromNdjson(path);

        var first = await cluster.CtlAsync(["ingest", path, "--batch-size", "40"]);
        var report = await cluster.ReportAsync(campaign, Window.AllTime);
        var rerun = await cluster.CtlAsync(["ingest", path, "--batch-size", "40"]);
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
}
