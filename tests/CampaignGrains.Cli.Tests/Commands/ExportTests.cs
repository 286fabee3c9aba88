using System.Globalization;
using CampaignGrains.Api.V1;
using CampaignGrains.Cli.Tests.Fixtures;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace CampaignGrains.Cli.Tests.Commands;

/// <summary>
/// The export round trip: every CSV file, parsed, holds exactly what GetReport answers. Columns are checked
/// against the proto messages' own field names and values, so a field the export drops or misnames fails.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ExportTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Every_exported_widget_equals_the_APIs_report()
    {
        using var directory = new TempDirectory();
        var campaign = $"export-{Guid.NewGuid():N}";
        var simulate = await cluster.CtlAsync(Simulated.Args(campaign, recipients: 400, seed: 7));
        Assert.True(simulate.ExitCode == ExitCodes.Ok, simulate.ToString());

        var run = await cluster.CtlAsync(["export", campaign, "--out", directory.Path, "--window", "all"]);
        var api = await cluster.ReportAsync(campaign, Window.AllTime);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var files = Directory.GetFiles(directory.Path).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(files, run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Path.GetFileName).Order());
        var csv = files.ToDictionary(file => file!, file => Parse(Path.Combine(directory.Path, file!)));

        AssertSpan(api.Campaign.Span, csv["campaign-span.csv"]);
        var statistics = Metrics(csv["campaign-statistics.csv"]);
        Assert.Equal(api.Campaign.Entered.ToString(), statistics["entered"]);
        Assert.Equal(api.Campaign.Excluded.ToString(), statistics["excluded"]);
        Assert.Equal(api.Campaign.Delivered.ToString(), statistics["delivered"]);
        Assert.Equal(api.Campaign.Errors.ToString(), statistics["errors"]);
        Assert.Equal("email push", statistics["channels"]);

        var email = api.Email;
        AssertSpan(email.Span, csv["email-span.csv"]);
        var emailCounts = Metrics(csv["email-counts.csv"]);
        AssertFields(email.Totals, emailCounts);
        Assert.Equal(email.UniqueOpens.ToString(), emailCounts["unique_opens"]);
        Assert.Equal(email.UniqueClicks.ToString(), emailCounts["unique_clicks"]);
        AssertRates(email.Rates, Metrics(csv["email-rates.csv"]));
        Assert.Equal(new Dictionary<string, string>
        {
            ["hard"] = email.Totals.HardBounces.ToString(), ["soft"] = email.Totals.SoftBounces.ToString(), ["ignored"] = email.Totals.IgnoredBounces.ToString(),
        }, Metrics(csv["email-bounce-types.csv"]));
        AssertSeries(email.Series.Select(point => (point.Start, (IMessage)point.Counts)).ToList(), email.Totals, csv["email-series.csv"]);
        AssertReasons(email.BounceReasons, csv["email-bounce-reasons.csv"]);
        AssertReasons(email.ErrorReasons, csv["email-error-reasons.csv"]);
        AssertReasons(email.ExcludeReasons, csv["email-exclude-reasons.csv"]);
        var domains = email.Domains.Domains.Select(domain => (IMessage)domain).ToList();
        if (email.Domains.Other is { Sent: > 0 } or { Opens: > 0 } or { Bounces: > 0 }) domains.Add(email.Domains.Other);
        AssertRows(DomainStats.Descriptor.Fields.InFieldNumberOrder().Select(field => field.Name), domains.Select(Values), csv["email-domains.csv"]);
        Assert.Equal(email.Totals.Sent, csv["email-domains.csv"].Skip(1).Sum(row => long.Parse(row[1])));

        var push = api.Push;
        AssertSpan(push.Span, csv["push-span.csv"]);
        var pushCounts = Metrics(csv["push-counts.csv"]);
        AssertFields(push.Totals, pushCounts);
        Assert.Equal(push.UniqueOpens.ToString(), pushCounts["unique_opens"]);
        AssertRates(push.Rates, Metrics(csv["push-rates.csv"]));
        AssertSeries(push.Series.Select(point => (point.Start, (IMessage)point.Counts)).ToList(), push.Totals, csv["push-series.csv"]);
        AssertReasons(push.BounceReasons, csv["push-bounce-reasons.csv"]);
        AssertReasons(push.ErrorReasons, csv["push-error-reasons.csv"]);
        AssertReasons(push.ExcludeReasons, csv["push-exclude-reasons.csv"]);
        AssertRows(["platform", .. PushCounts.Descriptor.Fields.InFieldNumberOrder().Select(field => field.Name), "max_undercount"],
            push.Platforms.Platforms.Select(platform => (IReadOnlyList<string>)[platform.Platform, .. Values(platform.Counts), platform.MaxUndercount.ToString()]),
            csv["push-platforms.csv"]);
        Assert.Equal(push.Totals.Sent, csv["push-platforms.csv"].Skip(1).Sum(row => long.Parse(row[1])));
        Assert.Equal(19, files.Count);
    }

    /// <summary>Independent of campaignctl's reader: the simulation writes no comma or quote into any value.</summary>
    private static List<string[]> Parse(string path)
    {
        var text = File.ReadAllText(path);
        Assert.DoesNotContain("\"", text);
        Assert.EndsWith("\r\n", text);
        return [.. text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(','))];
    }

    private static Dictionary<string, string> Metrics(List<string[]> rows)
    {
        Assert.Equal(["metric", "value"], rows[0]);
        return rows.Skip(1).ToDictionary(row => row[0], row => row[1]);
    }

    private static IReadOnlyList<string> Values(IMessage message) =>
        [.. message.Descriptor.Fields.InFieldNumberOrder().Select(field => Convert.ToString(field.Accessor.GetValue(message), CultureInfo.InvariantCulture)!)];

    private static void AssertFields(IMessage counts, Dictionary<string, string> metrics)
    {
        foreach (var field in counts.Descriptor.Fields.InFieldNumberOrder())
            Assert.Equal(Convert.ToString(field.Accessor.GetValue(counts), CultureInfo.InvariantCulture), metrics[field.Name]);
    }

    private static void AssertRates(IMessage rates, Dictionary<string, string> metrics)
    {
        foreach (var field in rates.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.Accessor.HasValue(rates)) Assert.Equal((double)field.Accessor.GetValue(rates), double.Parse(metrics[field.Name], CultureInfo.InvariantCulture));
            else Assert.Equal("", metrics[field.Name]);
        }
    }

    private static void AssertSpan(ReportSpan span, List<string[]> rows)
    {
        var metrics = Metrics(rows);
        Assert.Equal("all", metrics["window"]);
        Assert.Equal(span.From, Time(metrics["from"]));
        Assert.Equal(span.BucketWidth.ToTimeSpan(), System.Xml.XmlConvert.ToTimeSpan(metrics["bucket_width"]));
        Assert.Equal(span.BreakdownFrom, Time(metrics["breakdown_from"]));
    }

    private static void AssertSeries(IReadOnlyList<(Timestamp Start, IMessage Counts)> points, IMessage totals, List<string[]> rows)
    {
        var fields = totals.Descriptor.Fields.InFieldNumberOrder();
        Assert.Equal(["start", .. fields.Select(field => field.Name)], rows[0]);
        Assert.Equal(points.Count, rows.Count - 1);
        foreach (var ((start, counts), row) in points.Zip(rows.Skip(1)))
        {
            Assert.Equal(start, Time(row[0]));
            Assert.Equal(Values(counts), row[1..]);
        }
        // The all-time chart covers every event: its columns add up to the totals.
        for (var column = 0; column < fields.Count; column++)
            Assert.Equal(Convert.ToInt64(fields[column].Accessor.GetValue(totals)), rows.Skip(1).Sum(row => long.Parse(row[column + 1])));
    }

    private static void AssertReasons(ReasonBreakdown breakdown, List<string[]> rows)
    {
        var expected = breakdown.Reasons.Select(reason => (IReadOnlyList<string>)[reason.Reason, reason.Count.ToString(), reason.MaxUndercount.ToString()]).ToList();
        if (breakdown.Other > 0) expected.Add(["", breakdown.Other.ToString(), "0"]);
        AssertRows(["reason", "count", "max_undercount"], expected, rows);
    }

    private static void AssertRows(IEnumerable<string> header, IEnumerable<IReadOnlyList<string>> expected, List<string[]> rows)
    {
        Assert.Equal(header, rows[0]);
        Assert.Equal(expected.Select(row => string.Join(',', row)), rows.Skip(1).Select(row => string.Join(',', row)));
    }

    private static Timestamp Time(string text) =>
        Timestamp.FromDateTimeOffset(DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal));
}
