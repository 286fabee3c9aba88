namespace CampaignGrains.Cli.Rendering;

/// <summary>A time series in one line of block characters, for the summary charts.</summary>
internal static class Sparkline
{
    /// <summary>288 five-minute buckets would not fit a terminal: neighbouring buckets are summed into at most this many cells.</summary>
    public const int MaxCells = 48;

    private const string Levels = "▁▂▃▄▅▆▇█";

    public static string Of(IReadOnlyList<long> values)
    {
        var perCell = Math.Max(1, (values.Count + MaxCells - 1) / MaxCells);
        var cells = values.Chunk(perCell).Select(chunk => chunk.Sum()).ToList();
        var max = cells.DefaultIfEmpty(0).Max();
        return string.Concat(cells.Select(cell => cell == 0 ? '·' : Levels[(int)Math.Min(Levels.Length - 1, (cell - 1) * Levels.Length / max)]));
    }
}
