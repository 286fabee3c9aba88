using CampaignGrains.Cli.Csv;

namespace CampaignGrains.Cli.Events;

/// <summary>CSV (RFC 4180): a header row naming the columns by DeliveryEvent's proto JSON names, then one event per record.</summary>
internal static class CsvEvents
{
    /// <summary>The events of the records, read one record at a time as they are asked for.</summary>
    /// <param name="malformed">
    /// Told of each record that is not an event, as it is met; the record is skipped. An unknown header column or
    /// broken quoting ends the file: what follows cannot be lined up with the columns.
    /// </param>
    public static IEnumerable<SourcedEvent> Read(string name, TextReader reader, Action<MalformedLine> malformed)
    {
        using var records = CsvReader.Read(reader).GetEnumerator();
        string[]? header = null;
        while (true)
        {
            CsvRecord record;
            try
            {
                if (!records.MoveNext()) yield break;
                record = records.Current;
            }
            catch (FormatException exception)
            {
                malformed(new MalformedLine(name, exception.Message));
                yield break;
            }

            var origin = $"{name}:{record.Line}";
            if (header is null)
            {
                header = [.. record.Fields.Select(column => EventFieldNames.Canonical(column) ?? "")];
                if (Array.IndexOf(header, "") is >= 0 and var unknown)
                {
                    malformed(new MalformedLine(origin, $"unknown column '{record.Fields[unknown]}' in the header; the file is not read"));
                    yield break;
                }
                continue;
            }
            if (record.Fields.Count != header.Length)
            {
                malformed(new MalformedLine(origin, $"has {record.Fields.Count} fields; the header has {header.Length}"));
                continue;
            }
            SourcedEvent sourced;
            try
            {
                sourced = new SourcedEvent(EventFields.ToEvent(header.Zip(record.Fields).ToDictionary(pair => pair.First, pair => pair.Second)), origin);
            }
            catch (FormatException exception)
            {
                malformed(new MalformedLine(origin, exception.Message));
                continue;
            }
            yield return sourced;
        }
    }
}
