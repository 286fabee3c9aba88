using CampaignGrains.Api.V1;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace CampaignGrains.Cli.Rendering;

/// <summary>Reason, domain and platform breakdowns as small bar charts.</summary>
internal static class Breakdowns
{
    /// <summary>The widgets show the first ones; everything is in the CSV export.</summary>
    public const int ShownKeys = 10;

    private const int ChartWidth = 60;

    public static IRenderable Reasons(string title, ReasonBreakdown? breakdown)
    {
        var reasons = breakdown?.Reasons ?? [];
        if (reasons.Count == 0 && (breakdown?.Other ?? 0) == 0) return new Markup($"[bold]{title}[/]: none\n");
        var chart = new BarChart().Label($"[bold]{title}[/]").LeftAlignLabel().Width(ChartWidth);
        foreach (var reason in reasons.Take(ShownKeys)) chart.AddItem(Markup.Escape(reason.Reason), reason.Count, Color.SteelBlue);
        var beyond = reasons.Skip(ShownKeys).Sum(reason => reason.Count) + breakdown!.Other;
        if (beyond > 0) chart.AddItem("(others)", beyond, Color.Grey);
        return chart;
    }

    /// <summary>A table whose last column is a bar, so every domain's numbers stay readable beside its share.</summary>
    public static IRenderable Domains(DomainBreakdown? breakdown)
    {
        var domains = breakdown?.Domains ?? [];
        var table = Tables.New("Top recipient domains", "domain", "sent", "delivered", "bounces", "opens", "clicks", "");
        var max = domains.Select(domain => domain.Sent).DefaultIfEmpty(1).Max();
        foreach (var domain in domains.Take(ShownKeys))
        {
            table.AddRow(Tables.Cells(domain.Domain, Numbers.Count(domain.Sent), Numbers.Count(domain.Delivered), Numbers.Count(domain.Bounces),
                Numbers.Count(domain.Opens), Numbers.Count(domain.Clicks), Bar(domain.Sent, max)));
        }
        if (domains.Count == 0) table.AddRow(Tables.Cells("none", "", "", "", "", "", ""));
        return table;
    }

    public static IRenderable Platforms(PlatformBreakdown? breakdown)
    {
        var platforms = breakdown?.Platforms ?? [];
        var table = Tables.New("Breakdown by platform", "platform", "sent", "delivered", "bounces", "errors", "opens", "actions", "");
        var max = platforms.Select(platform => platform.Counts.Sent).DefaultIfEmpty(1).Max();
        foreach (var platform in platforms.Take(ShownKeys))
        {
            var counts = platform.Counts;
            table.AddRow(Tables.Cells(platform.Platform, Numbers.Count(counts.Sent), Numbers.Count(counts.Delivered), Numbers.Count(counts.Bounces),
                Numbers.Count(counts.Errors), Numbers.Count(counts.Opens), Numbers.Count(counts.Actions), Bar(counts.Sent, max)));
        }
        if (platforms.Count == 0) table.AddRow(Tables.Cells("none", "", "", "", "", "", "", ""));
        return table;
    }

    /// <summary>Ten cells at most, so the table fits an 80-column terminal without wrapping the bar.</summary>
    private static string Bar(long value, long max) => new('█', max <= 0 ? 0 : (int)Math.Round(10.0 * value / max));
}
