using System.Text.Json;

namespace CampaignGrains.Cli.Events;

/// <summary>NDJSON: one JSON object per line, named by DeliveryEvent's proto JSON names, every value a string.</summary>
internal static class NdjsonEvents
{
    /// <summary>The events of the lines, read one line at a time as they are asked for.</summary>
    /// <param name="malformed">Told of each line that is not an event, as it is met; the line is skipped.</param>
    public static IEnumerable<SourcedEvent> Read(string name, TextReader reader, Action<MalformedLine> malformed)
    {
        var lineNumber = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            var origin = $"{name}:{++lineNumber}";
            if (string.IsNullOrWhiteSpace(line)) continue;
            SourcedEvent sourced;
            try
            {
                sourced = new SourcedEvent(EventFields.ToEvent(JsonFields(line)), origin);
            }
            catch (FormatException exception)
            {
                malformed(new MalformedLine(origin, exception.Message));
                continue;
            }
            yield return sourced;
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
}
