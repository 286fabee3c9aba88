using Spectre.Console;
using Spectre.Console.Rendering;

namespace CampaignGrains.Cli.Rendering;

/// <summary>Tables in one look. Cells are plain text: a reason or a domain is data, never markup.</summary>
internal static class Tables
{
    public static Table New(string title, params string[] columns)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(title)}[/]");
        foreach (var column in columns)
        {
            var tableColumn = new TableColumn(Markup.Escape(column));
            table.AddColumn(TextColumns.Contains(column) ? tableColumn : tableColumn.RightAligned());
        }
        return table;
    }

    /// <summary>Columns of words, read from the left; every other column holds numbers, aligned on the right.</summary>
    private static readonly HashSet<string> TextColumns = ["", "metric", "domain", "platform", "campaign", "chart", "channels", "field", "message", "first at"];

    public static IRenderable[] Cells(params string[] values) => [.. values.Select(value => new Text(value))];
}
