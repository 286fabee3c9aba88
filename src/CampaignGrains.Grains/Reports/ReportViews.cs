namespace CampaignGrains.Grains.Reports;

/// <summary>Reads a window of a grain's statistics and the span it covers.</summary>
internal static class ReportViews
{
    public static StatisticsView Read(DeliveryStatistics statistics, ReportWindow window, DateTimeOffset now) => window switch
    {
        ReportWindow.Last24Hours => statistics.ViewLast24Hours(now),
        ReportWindow.AllTime => statistics.ViewAllTime(now),
        _ => throw new ArgumentOutOfRangeException(nameof(window), window, "Ask for Last24Hours or AllTime."),
    };

    public static ReportSpan SpanOf(StatisticsView view, ReportWindow window) =>
        new(window, view.From, view.To, view.BucketWidth, view.BreakdownFrom, view.BreakdownTo);

    public static ReasonBreakdown Reasons(BreakdownView? view)
    {
        if (view is null) return new ReasonBreakdown([], 0, true);
        var reasons = view.Rows
            .Select(row => new ReasonCount(row.Key, Sum(row.Counts), row.MaxUndercount))
            .OrderByDescending(reason => reason.Count)
            .ThenBy(reason => reason.Reason, StringComparer.Ordinal)
            .ToArray();
        return new ReasonBreakdown(reasons, Sum(view.Other), view.IsExact);
    }

    private static long Sum(MetricCounts counts)
    {
        long sum = 0;
        foreach (var count in counts) sum += count;
        return sum;
    }
}
