namespace CampaignGrains.Cli.Csv;

/// <summary>RFC 4180: comma-separated, CRLF line ends, a field quoted when it holds a comma, quote or line break.</summary>
internal static class CsvWriter
{
    public static void WriteRow(TextWriter writer, IEnumerable<string> fields)
    {
        writer.Write(string.Join(',', fields.Select(Quote)));
        writer.Write("\r\n");
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : $"\"{field.Replace("\"", "\"\"")}\"";
}
