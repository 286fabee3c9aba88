namespace CampaignGrains.Grains.Reports;

/// <summary>Builds the Email tab from the email grain's statistics.</summary>
internal static class EmailReport
{
    public static EmailTab Build(StatisticsView view, ReportWindow window)
    {
        var totals = Counts(view.Totals);
        var uniqueOpens = view.UniqueOpens ?? 0;
        var uniqueClicks = view.UniqueClicks ?? 0;
        var rates = new EmailRates(
            Delivery: Rate.Of(totals.Delivered, totals.Sent),
            Bounce: Rate.Of(totals.Bounces, totals.Sent),
            Error: Rate.Of(totals.Errors, totals.Sent),
            Open: Rate.Of(uniqueOpens, totals.Delivered),
            ClickThrough: Rate.Of(uniqueClicks, totals.Delivered),
            ClickToOpen: Rate.Of(uniqueClicks, uniqueOpens),
            Unsubscribe: Rate.Of(totals.Unsubscribes, totals.Delivered),
            SpamComplaint: Rate.Of(totals.SpamComplaints, totals.Delivered));

        return new EmailTab(
            ReportViews.SpanOf(view, window),
            totals,
            uniqueOpens,
            uniqueClicks,
            rates,
            [.. view.Series.Select(point => new EmailPoint(point.Start, Counts(point.Counts)))],
            ReportViews.Reasons(view.BounceReasons),
            ReportViews.Reasons(view.ErrorReasons),
            ReportViews.Reasons(view.ExcludeReasons),
            Domains(view.Domains));
    }

    private static EmailCounts Counts(MetricCounts c) => new(
        Sent: c[Metric.Sent],
        Delivered: c[Metric.Delivered],
        HardBounces: c[Metric.HardBounce],
        SoftBounces: c[Metric.SoftBounce],
        IgnoredBounces: c[Metric.IgnoredBounce],
        Errors: c[Metric.Error],
        Excluded: c[Metric.Excluded],
        Opens: c[Metric.Open],
        Clicks: c[Metric.Click],
        Unsubscribes: c[Metric.Unsubscribe],
        SpamComplaints: c[Metric.SpamComplaint]);

    private static DomainBreakdown Domains(BreakdownView? view)
    {
        if (view is null) return new DomainBreakdown([], Domain("", default, 0), true);
        var domains = view.Rows
            .Select(row => Domain(row.Key, row.Counts, row.MaxUndercount))
            .OrderByDescending(domain => domain.Opens)
            .ThenByDescending(domain => domain.Sent)
            .ThenBy(domain => domain.Domain, StringComparer.Ordinal)
            .ToArray();
        return new DomainBreakdown(domains, Domain("", view.Other, 0), view.IsExact);
    }

    private static DomainStats Domain(string domain, MetricCounts c, long maxUndercount) =>
        new(domain, c[Metric.Sent], c[Metric.Delivered], c.Bounces, c[Metric.Open], c[Metric.Click], maxUndercount);
}
