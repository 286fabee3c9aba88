using System.Text;

namespace CampaignGrains.Cli.Csv;

/// <summary>One record of a CSV file and the line it starts on (a quoted field may span lines).</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>Reads RFC 4180: comma-separated, fields optionally quoted with "" escaping a quote, CRLF or LF line ends.</summary>
internal static class CsvReader
{
    /// <exception cref="FormatException">A quote left open, or text after a closing quote; the message gives the line.</exception>
    public static IEnumerable<CsvRecord> Read(TextReader reader)
    {
        var (line, fields, field) = (1, new List<string>(), new StringBuilder());
        var (recordLine, quoted, afterQuote, any) = (1, false, false, false);
        for (var next = reader.Read(); next >= 0; next = reader.Read())
        {
            var c = (char)next;
            if (quoted)
            {
                if (c == '"' && reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                else if (c == '"') { quoted = false; afterQuote = true; }
                else { field.Append(c); if (c == '\n') line++; }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0 && !afterQuote:
                    quoted = any = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    (field, afterQuote, any) = (new StringBuilder(), false, true);
                    break;
                case '\r' when reader.Peek() == '\n':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    if (any || fields.Count > 1 || fields[0].Length > 0) yield return new CsvRecord(recordLine, fields);
                    (fields, field, afterQuote, any) = (new List<string>(), new StringBuilder(), false, false);
                    recordLine = ++line;
                    break;
                default:
                    if (afterQuote) throw new FormatException($"line {line}: text after a closing quote");
                    field.Append(c);
                    any = true;
                    break;
            }
        }
        if (quoted) throw new FormatException($"line {recordLine}: a quoted field is never closed");
        fields.Add(field.ToString());
        if (any || fields.Count > 1 || fields[0].Length > 0) yield return new CsvRecord(recordLine, fields);
    }
}
