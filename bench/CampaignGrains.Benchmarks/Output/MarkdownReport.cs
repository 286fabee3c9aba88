using System.Text;

namespace CampaignGrains.Benchmarks.Output;

/// <summary>The run's result: the machine, how the stack was set up, and one table of every measurement.</summary>
internal sealed class MarkdownReport(bool smoke)
{
    private readonly List<ResultRow> _rows = [];
    private readonly List<string> _notes = [];

    public IReadOnlyList<ResultRow> Rows => _rows;

    /// <summary>Also echoed to stderr at once, so a run that dies late still shows what it measured.</summary>
    public void Add(ResultRow row)
    {
        _rows.Add(row);
        Console.Error.WriteLine($"| {row.Section} | {row.Measurement} | {row.Ours} | {row.Baseline} | {row.Ratio} | {row.Target} |");
    }

    public void Note(string note) => _notes.Add(note);

    public string Render(DateTimeOffset started, TimeSpan took)
    {
        var text = new StringBuilder();
        text.AppendLine($"## Benchmark run ({(smoke ? "smoke: tiny sizes, figures mean nothing" : "full")})").AppendLine();
        text.AppendLine($"- Date: {started:yyyy-MM-dd HH:mm} UTC; the run took {took.TotalMinutes:0.0} minutes");
        text.AppendLine($"- Machine: {MachineInfo.Describe()}");
        foreach (var note in _notes) text.AppendLine($"- {note}");
        text.AppendLine();
        text.AppendLine("| section | measurement | CampaignGrains | compared with | ratio | target (not asserted) |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var row in _rows) text.AppendLine($"| {row.Section} | {row.Measurement} | {row.Ours} | {row.Baseline} | {row.Ratio} | {row.Target} |");
        return text.ToString();
    }
}
