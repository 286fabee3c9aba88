using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CampaignGrains.Cli.Csv;

namespace CampaignGrains.Cli.Events;

/// <summary>The events of one file, its malformed lines, and the hash of its content that its batches' keys derive from.</summary>
internal sealed class EventFile
{
    private EventFile(string contentHash, IReadOnlyList<SourcedEvent> events, IReadOnlyList<MalformedLine> malformed)
    {
        ContentHash = contentHash;
        Events = events;
        Malformed = malformed;
    }

    /// <summary>SHA-256 of the file's bytes (hex, first 128 bits): the same file gives the same batches and keys.</summary>
    public string ContentHash { get; }

    public IReadOnlyList<SourcedEvent> Events { get; }

    public IReadOnlyList<MalformedLine> Malformed { get; }

    /// <summary>The events in batches of <paramref name="batchSize"/>, keyed "ingest-&lt;content hash&gt;-&lt;batch index&gt;".</summary>
    public IEnumerable<OutgoingBatch> Batches(int batchSize) =>
        Events.Chunk(batchSize).Select((events, index) => new OutgoingBatch($"ingest-{ContentHash}-{index}", events));

    public static EventFile Read(FileInfo file, EventFormat format)
    {
        var bytes = File.ReadAllBytes(file.FullName);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..32];
        var events = new List<SourcedEvent>();
        var malformed = new List<MalformedLine>();
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8);
        if (format == EventFormat.Ndjson) ReadNdjson(file.Name, reader, events, malformed);
        else ReadCsv(file.Name, reader, events, malformed);
        return new EventFile(hash, events, malformed);
    }

    private static void ReadNdjson(string name, TextReader reader, List<SourcedEvent> events, List<MalformedLine> malformed)
    {
        var lineNumber = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            var origin = $"{name}:{++lineNumber}";
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                events.Add(new SourcedEvent(EventFields.ToEvent(JsonFields(line)), origin));
            }
            catch (FormatException exception)
            {
                malformed.Add(new MalformedLine(origin, exception.Message));
            }
        }
    }

    private static Dictionary<string, string> JsonFields(string line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException exception)
        {
            throw new FormatException($"not valid JSON: {exception.Message}");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object) throw new FormatException("not a JSON object");
            var fields = new Dictionary<string, string>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var field = EventFieldNames.Canonical(property.Name) ?? throw new FormatException($"unknown field '{property.Name}'");
                fields[field] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString()!,
                    JsonValueKind.Null => "",
                    _ => throw new FormatException($"{field} must be a string, not {property.Value.ValueKind.ToString().ToLowerInvariant()}"),
                };
            }
            return fields;
        }
    }

    private static void ReadCsv(string name, TextReader reader, List<SourcedEvent> events, List<MalformedLine> malformed)
    {
        try
        {
            string[]? header = null;
            foreach (var record in CsvReader.Read(reader))
            {
                var origin = $"{name}:{record.Line}";
                if (header is null)
                {
                    header = [.. record.Fields.Select(column => EventFieldNames.Canonical(column) ?? "")];
                    if (Array.IndexOf(header, "") is >= 0 and var unknown)
                    {
                        malformed.Add(new MalformedLine(origin, $"unknown column '{record.Fields[unknown]}' in the header; the file is not read"));
                        return;
                    }
                    continue;
                }
                if (record.Fields.Count != header.Length)
                {
                    malformed.Add(new MalformedLine(origin, $"has {record.Fields.Count} fields; the header has {header.Length}"));
                    continue;
                }
                try
                {
                    events.Add(new SourcedEvent(EventFields.ToEvent(header.Zip(record.Fields).ToDictionary(pair => pair.First, pair => pair.Second)), origin));
                }
                catch (FormatException exception)
                {
                    malformed.Add(new MalformedLine(origin, exception.Message));
                }
            }
        }
        catch (FormatException exception)
        {
            malformed.Add(new MalformedLine(name, exception.Message));
        }
    }
}
