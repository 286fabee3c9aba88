using System.Text.Json;

namespace CampaignGrains.Cli.Tests.Fixtures;

/// <summary>The oracle: what a report must count, computed straight from a file's lines.</summary>
public sealed class LineCounts
{
    private readonly List<(string Channel, string Kind, string BounceType)> _events = [];

    public static LineCounts FromNdjson(string path)
    {
        var counts = new LineCounts();
        foreach (var line in File.ReadLines(path).Where(line => line.Length > 0))
        {
            using var document = JsonDocument.Parse(line);
            string Field(string name) => document.RootElement.TryGetProperty(name, out var value) ? value.GetString()! : "";
            counts._events.Add((Field("channel"), Field("kind"), Field("bounceType")));
        }
        return counts;
    }

    public static LineCounts FromCsv(string path)
    {
        var counts = new LineCounts();
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',').ToList();
        foreach (var fields in lines.Skip(1).Where(line => line.Length > 0).Select(line => line.Split(',')))
            counts._events.Add((fields[header.IndexOf("channel")], fields[header.IndexOf("kind")], fields[header.IndexOf("bounceType")]));
        return counts;
    }

    public long Count(string kind, string? channel = null, string? bounceType = null) =>
        _events.Count(e => e.Kind == kind && (channel is null || e.Channel == channel) && (bounceType is null || e.BounceType == bounceType));

    public long Total => _events.Count;
}
