namespace CampaignGrains.Grains.Reports;

/// <summary>Builds the Push tab from the push grain's statistics.</summary>
internal static class PushReport
{
    public static PushTab Build(StatisticsView view, ReportWindow window)
    {
        var totals = Counts(view.Totals);
        var uniqueOpens = view.UniqueOpens ?? 0;
        var rates = new PushRates(
            Delivery: Rate.Of(totals.Delivered, totals.Sent),
            Bounce: Rate.Of(totals.Bounces, totals.Sent),
            Error: Rate.Of(totals.Errors, totals.Sent),
            Open: Rate.Of(uniqueOpens, totals.Delivered));

        return new PushTab(
            ReportViews.SpanOf(view, window),
            totals,
            uniqueOpens,
            rates,
            [.. view.Series.Select(point => new PushPoint(point.Start, Counts(point.Counts)))],
            ReportViews.Reasons(view.ErrorReasons),
            ReportViews.Reasons(view.ExcludeReasons),
            ReportViews.Reasons(view.BounceReasons),
            Platforms(view.Platforms));
    }

    private static PushCounts Counts(MetricCounts c) => new(
        Sent: c[Metric.Sent],
        Delivered: c[Metric.Delivered],
        Bounces: c.Bounces,
        Errors: c[Metric.Error],
        Excluded: c[Metric.Excluded],
        Opens: c[Metric.Open],
        Actions: c[Metric.PushAction]);

    private static PlatformBreakdown Platforms(BreakdownView? view)
    {
        if (view is null) return new PlatformBreakdown([], Counts(default), true);
        var platforms = view.Rows
            .Select(row => new PlatformStats(row.Key, Counts(row.Counts), row.MaxUndercount))
            .OrderByDescending(platform => platform.Counts.Sent)
            .ThenBy(platform => platform.Platform, StringComparer.Ordinal)
            .ToArray();
        return new PlatformBreakdown(platforms, Counts(view.Other), view.IsExact);
    }
}
