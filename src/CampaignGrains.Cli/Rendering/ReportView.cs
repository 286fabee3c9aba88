using CampaignGrains.Api.V1;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace CampaignGrains.Cli.Rendering;

/// <summary>A report as a person reads it at a terminal: one section per tab, the widgets of the product page.</summary>
internal static class ReportView
{
    public static IRenderable Of(string campaignId, Report report)
    {
        var sections = new List<IRenderable>();
        if (report.Campaign is { } campaign) sections.AddRange(CampaignTab(campaignId, campaign));
        if (report.Email is { } email) sections.AddRange(EmailTab(campaignId, email));
        if (report.Push is { } push) sections.AddRange(PushTab(campaignId, push));
        return new Rows(sections);
    }

    private static IEnumerable<IRenderable> CampaignTab(string campaignId, CampaignTab tab)
    {
        yield return Heading("Campaign", campaignId, tab.Span);
        var table = Tables.New("Campaign statistics", "entered", "excluded", "delivered", "errors", "channels");
        table.AddRow(Tables.Cells(Numbers.Count(tab.Entered), Numbers.Count(tab.Excluded), Numbers.Count(tab.Delivered), Numbers.Count(tab.Errors),
            string.Join(", ", tab.Channels.Select(channel => channel.ToString().ToLowerInvariant()))));
        yield return table;
    }

    private static IEnumerable<IRenderable> EmailTab(string campaignId, EmailTab tab)
    {
        yield return Heading("Email", campaignId, tab.Span);
        var (totals, rates) = (tab.Totals ?? new EmailCounts(), tab.Rates ?? new EmailRates());
        var table = Tables.New("Sending metrics by email", "metric", "count", "rate", "of");
        AddMetric(table, "Sent", totals.Sent);
        AddMetric(table, "Delivered", totals.Delivered, Numbers.Percent(rates.HasDelivery, rates.Delivery), "sent");
        AddMetric(table, "Bounces", totals.Bounces, Numbers.Percent(rates.HasBounce, rates.Bounce), "sent");
        AddMetric(table, "  hard", totals.HardBounces);
        AddMetric(table, "  soft", totals.SoftBounces);
        AddMetric(table, "  ignored", totals.IgnoredBounces);
        AddMetric(table, "Errors", totals.Errors, Numbers.Percent(rates.HasError, rates.Error), "sent");
        AddMetric(table, "Excluded", totals.Excluded);
        AddMetric(table, "Opens", totals.Opens);
        AddMetric(table, "Unique opens (est.)", tab.UniqueOpens, Numbers.Percent(rates.HasOpen, rates.Open), "delivered");
        AddMetric(table, "Clicks", totals.Clicks);
        AddMetric(table, "Unique clicks (est.)", tab.UniqueClicks, Numbers.Percent(rates.HasClickThrough, rates.ClickThrough), "delivered");
        table.AddRow(Tables.Cells("Click-to-open", "", Numbers.Percent(rates.HasClickToOpen, rates.ClickToOpen), "unique opens"));
        AddMetric(table, "Unsubscribes", totals.Unsubscribes, Numbers.Percent(rates.HasUnsubscribe, rates.Unsubscribe), "delivered");
        AddMetric(table, "Spam complaints", totals.SpamComplaints, Numbers.Percent(rates.HasSpamComplaint, rates.SpamComplaint), "delivered");
        yield return table;
        yield return Series("Email summary", tab.Span, tab.Series.Select(point => point.Counts ?? new EmailCounts()).ToList(),
            ("sent", counts => counts.Sent), ("delivered", counts => counts.Delivered), ("bounces", counts => counts.Bounces),
            ("errors", counts => counts.Errors), ("opens", counts => counts.Opens), ("clicks", counts => counts.Clicks));
        yield return Breakdowns.Reasons("Bounce reasons", tab.BounceReasons);
        yield return Breakdowns.Reasons("Error reasons", tab.ErrorReasons);
        yield return Breakdowns.Reasons("Exclude reasons", tab.ExcludeReasons);
        yield return Breakdowns.Domains(tab.Domains);
    }

    private static IEnumerable<IRenderable> PushTab(string campaignId, PushTab tab)
    {
        yield return Heading("Push", campaignId, tab.Span);
        var (totals, rates) = (tab.Totals ?? new PushCounts(), tab.Rates ?? new PushRates());
        var table = Tables.New("Sending metrics by push", "metric", "count", "rate", "of");
        AddMetric(table, "Sent", totals.Sent);
        AddMetric(table, "Delivered", totals.Delivered, Numbers.Percent(rates.HasDelivery, rates.Delivery), "sent");
        AddMetric(table, "Bounces", totals.Bounces, Numbers.Percent(rates.HasBounce, rates.Bounce), "sent");
        AddMetric(table, "Errors", totals.Errors, Numbers.Percent(rates.HasError, rates.Error), "sent");
        AddMetric(table, "Excluded", totals.Excluded);
        AddMetric(table, "Opens", totals.Opens);
        AddMetric(table, "Unique opens (est.)", tab.UniqueOpens, Numbers.Percent(rates.HasOpen, rates.Open), "delivered");
        AddMetric(table, "Actions", totals.Actions);
        AddMetric(table, "Engagements", totals.Engagements);
        yield return table;
        yield return Series("Push summary", tab.Span, tab.Series.Select(point => point.Counts ?? new PushCounts()).ToList(),
            ("sent", counts => counts.Sent), ("delivered", counts => counts.Delivered), ("bounces", counts => counts.Bounces),
            ("errors", counts => counts.Errors), ("opens", counts => counts.Opens), ("actions", counts => counts.Actions));
        yield return Breakdowns.Reasons("Bounce reasons", tab.BounceReasons);
        yield return Breakdowns.Reasons("Error reasons", tab.ErrorReasons);
        yield return Breakdowns.Reasons("Exclude reasons", tab.ExcludeReasons);
        yield return Breakdowns.Platforms(tab.Platforms);
    }

    private static IRenderable Heading(string tab, string campaignId, ReportSpan? span) => new Rows(
        new Rule($"[bold]{tab}[/] · {Markup.Escape(campaignId)}").LeftJustified(),
        new Text(span is null ? "" : Numbers.Span(span)));

    private static void AddMetric(Table table, string metric, long count, string rate = "", string of = "") =>
        table.AddRow(Tables.Cells(metric, Numbers.Count(count), rate, of));

    private static Table Series<TCounts>(string title, ReportSpan? span, IReadOnlyList<TCounts> points, params (string Metric, Func<TCounts, long> Value)[] metrics)
    {
        var from = span is null ? "" : Numbers.Time(span.From);
        var table = Tables.New($"{title} ({points.Count} buckets from {from})", "metric", "chart", "total");
        foreach (var (metric, value) in metrics)
        {
            var values = points.Select(value).ToList();
            table.AddRow(Tables.Cells(metric, Sparkline.Of(values), Numbers.Count(values.Sum())));
        }
        return table;
    }
}
