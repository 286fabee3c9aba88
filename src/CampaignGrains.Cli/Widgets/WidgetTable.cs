using CampaignGrains.Cli.Csv;

namespace CampaignGrains.Cli.Widgets;

/// <summary>One widget of the report as rows of text: one CSV file of the export.</summary>
/// <param name="Name">The file name without extension, e.g. "email-bounce-reasons".</param>
internal sealed record WidgetTable(string Name, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public string FileName => $"{Name}.csv";

    public void WriteCsv(TextWriter writer)
    {
        CsvWriter.WriteRow(writer, Header);
        foreach (var row in Rows) CsvWriter.WriteRow(writer, row);
    }
}
