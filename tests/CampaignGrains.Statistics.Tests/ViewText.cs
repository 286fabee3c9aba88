namespace CampaignGrains.Statistics.Tests;

/// <summary>A view as text, line by line, so two views compare with a readable difference.</summary>
internal static class ViewText
{
    public static string Of(StatisticsView view, bool withUnique = true) => string.Join("\n",
        [
            $"{view.From:O} {view.To:O} {view.BreakdownFrom:O} {view.BreakdownTo:O}",
            $"totals {Counts(view.Totals)}",
            withUnique ? $"unique {view.UniqueOpens} {view.UniqueClicks}" : "",
            .. view.Series.Select(point => $"{point.Start:O} {Counts(point.Counts)}"),
            $"bounce reasons {Rows(view.BounceReasons)}",
            $"error reasons {Rows(view.ErrorReasons)}",
            $"exclude reasons {Rows(view.ExcludeReasons)}",
            $"domains {Rows(view.Domains)}",
            $"platforms {Rows(view.Platforms)}",
        ]);

    private static string Counts(MetricCounts counts) => string.Join(",", counts.ToArray());

    private static string Rows(BreakdownView? view) =>
        view is null ? "" : string.Join(";", view.Rows.OrderBy(row => row.Key, StringComparer.Ordinal)
            .Select(row => $"{row.Key}={Counts(row.Counts)}/{row.MaxUndercount}")) + $"|other={Counts(view.Other)}|exact={view.IsExact}";
}
