using System.Globalization;
using System.Xml;
using CampaignGrains.Api.V1;
using Google.Protobuf.WellKnownTypes;

namespace CampaignGrains.Cli.Widgets;

/// <summary>
/// Every widget of every tab in the report, as tables: what export writes and report --csv prints.
/// Values are invariant: counts as integers, rates as fractions (0.93) and empty when absent, times in
/// RFC 3339 UTC, durations in ISO 8601. A breakdown's summed remainder is a last row with an empty key.
/// </summary>
internal static class ReportWidgets
{
    private static readonly string[] MetricValue = ["metric", "value"];

    public static IEnumerable<WidgetTable> Of(Report report)
    {
        if (report.Campaign is { } campaign)
        {
            yield return Span("campaign-span", campaign.Span);
            yield return Metrics("campaign-statistics",
                ("entered", Count(campaign.Entered)), ("excluded", Count(campaign.Excluded)),
                ("delivered", Count(campaign.Delivered)), ("errors", Count(campaign.Errors)),
                ("channels", string.Join(' ', campaign.Channels.Select(channel => channel.ToString().ToLowerInvariant()))));
        }
        if (report.Email is { } email)
        {
            var totals = email.Totals ?? new EmailCounts();
            yield return Span("email-span", email.Span);
            yield return new("email-counts", MetricValue, [.. EmailColumns(totals).Select(column => (IReadOnlyList<string>)[column.Name, Count(column.Value)]),
                ["unique_opens", Count(email.UniqueOpens)], ["unique_clicks", Count(email.UniqueClicks)]]);
            var rates = email.Rates ?? new EmailRates();
            yield return Metrics("email-rates",
                ("delivery", Rate(rates.HasDelivery, rates.Delivery)), ("bounce", Rate(rates.HasBounce, rates.Bounce)),
                ("error", Rate(rates.HasError, rates.Error)), ("open", Rate(rates.HasOpen, rates.Open)),
                ("click_through", Rate(rates.HasClickThrough, rates.ClickThrough)), ("click_to_open", Rate(rates.HasClickToOpen, rates.ClickToOpen)),
                ("unsubscribe", Rate(rates.HasUnsubscribe, rates.Unsubscribe)), ("spam_complaint", Rate(rates.HasSpamComplaint, rates.SpamComplaint)));
            yield return Metrics("email-bounce-types",
                ("hard", Count(totals.HardBounces)), ("soft", Count(totals.SoftBounces)), ("ignored", Count(totals.IgnoredBounces)));
            yield return new("email-series", ["start", .. EmailColumns(new EmailCounts()).Select(column => column.Name)],
                [.. email.Series.Select(point => (IReadOnlyList<string>)[Time(point.Start), .. EmailColumns(point.Counts ?? new EmailCounts()).Select(column => Count(column.Value))])]);
            yield return Reasons("email-bounce-reasons", email.BounceReasons);
            yield return Reasons("email-error-reasons", email.ErrorReasons);
            yield return Reasons("email-exclude-reasons", email.ExcludeReasons);
            yield return Domains(email.Domains);
        }
        if (report.Push is { } push)
        {
            yield return Span("push-span", push.Span);
            yield return new("push-counts", MetricValue, [.. PushColumns(push.Totals ?? new PushCounts()).Select(column => (IReadOnlyList<string>)[column.Name, Count(column.Value)]),
                ["unique_opens", Count(push.UniqueOpens)]]);
            var rates = push.Rates ?? new PushRates();
            yield return Metrics("push-rates",
                ("delivery", Rate(rates.HasDelivery, rates.Delivery)), ("bounce", Rate(rates.HasBounce, rates.Bounce)),
                ("error", Rate(rates.HasError, rates.Error)), ("open", Rate(rates.HasOpen, rates.Open)));
            yield return new("push-series", ["start", .. PushColumns(new PushCounts()).Select(column => column.Name)],
                [.. push.Series.Select(point => (IReadOnlyList<string>)[Time(point.Start), .. PushColumns(point.Counts ?? new PushCounts()).Select(column => Count(column.Value))])]);
            yield return Reasons("push-bounce-reasons", push.BounceReasons);
            yield return Reasons("push-error-reasons", push.ErrorReasons);
            yield return Reasons("push-exclude-reasons", push.ExcludeReasons);
            yield return Platforms(push.Platforms);
        }
    }

    private static (string Name, long Value)[] EmailColumns(EmailCounts counts) =>
    [
        ("sent", counts.Sent), ("delivered", counts.Delivered), ("bounces", counts.Bounces), ("hard_bounces", counts.HardBounces),
        ("soft_bounces", counts.SoftBounces), ("ignored_bounces", counts.IgnoredBounces), ("errors", counts.Errors), ("excluded", counts.Excluded),
        ("opens", counts.Opens), ("clicks", counts.Clicks), ("unsubscribes", counts.Unsubscribes), ("spam_complaints", counts.SpamComplaints),
    ];

    private static (string Name, long Value)[] PushColumns(PushCounts counts) =>
    [
        ("sent", counts.Sent), ("delivered", counts.Delivered), ("bounces", counts.Bounces), ("errors", counts.Errors),
        ("excluded", counts.Excluded), ("opens", counts.Opens), ("actions", counts.Actions), ("engagements", counts.Engagements),
    ];

    private static WidgetTable Span(string name, ReportSpan? span) => Metrics(name,
        ("window", span?.Window == Window.AllTime ? "all" : "24h"), ("from", Time(span?.From)), ("to", Time(span?.To)),
        ("bucket_width", span?.BucketWidth is { } width ? XmlConvert.ToString(width.ToTimeSpan()) : ""),
        ("breakdown_from", Time(span?.BreakdownFrom)), ("breakdown_to", Time(span?.BreakdownTo)));

    private static WidgetTable Metrics(string name, params (string Metric, string Value)[] rows) =>
        new(name, MetricValue, [.. rows.Select(row => (IReadOnlyList<string>)[row.Metric, row.Value])]);

    private static WidgetTable Reasons(string name, ReasonBreakdown? breakdown)
    {
        var rows = (breakdown?.Reasons ?? []).Select(reason => (IReadOnlyList<string>)[reason.Reason, Count(reason.Count), Count(reason.MaxUndercount)]).ToList();
        if (breakdown is { Other: > 0 }) rows.Add(["", Count(breakdown.Other), "0"]);
        return new(name, ["reason", "count", "max_undercount"], rows);
    }

    private static WidgetTable Domains(DomainBreakdown? breakdown)
    {
        var domains = (breakdown?.Domains ?? []).ToList();
        if (breakdown?.Other is { } other && (other.Sent | other.Delivered | other.Bounces | other.Opens | other.Clicks) != 0) domains.Add(other);
        return new("email-domains", ["domain", "sent", "delivered", "bounces", "opens", "clicks", "max_undercount"],
            [.. domains.Select(domain => (IReadOnlyList<string>)[domain.Domain, Count(domain.Sent), Count(domain.Delivered), Count(domain.Bounces),
                Count(domain.Opens), Count(domain.Clicks), Count(domain.MaxUndercount)])]);
    }

    private static WidgetTable Platforms(PlatformBreakdown? breakdown)
    {
        var platforms = (breakdown?.Platforms ?? []).Select(platform => (platform.Platform, platform.Counts ?? new PushCounts(), platform.MaxUndercount)).ToList();
        if (breakdown?.Other is { } other && PushColumns(other).Any(column => column.Value != 0)) platforms.Add(("", other, 0));
        return new("push-platforms", ["platform", .. PushColumns(new PushCounts()).Select(column => column.Name), "max_undercount"],
            [.. platforms.Select(platform => (IReadOnlyList<string>)[platform.Item1, .. PushColumns(platform.Item2).Select(column => Count(column.Value)), Count(platform.Item3)])]);
    }

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Rate(bool present, double value) => present ? value.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Time(Timestamp? time) => time is null ? "" : time.ToDateTimeOffset().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
