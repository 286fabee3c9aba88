using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace CampaignGrains.Deployment.Tests.Model;

/// <summary>
/// YAML documents as plain trees: mappings are <c>Dictionary&lt;object, object&gt;</c>, sequences
/// <c>List&lt;object&gt;</c>, scalars strings (YAML's own reading, no Kubernetes schema).
/// </summary>
internal static class Yaml
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder().Build();

    public static IReadOnlyList<object> LoadAll(string text)
    {
        var documents = new List<object>();
        var parser = new Parser(new StringReader(text));
        parser.Consume<StreamStart>();
        while (parser.Accept<DocumentStart>(out _))
        {
            if (Deserializer.Deserialize<object?>(parser) is { } document) documents.Add(document);
        }

        return documents;
    }

    /// <summary>The node at <paramref name="path"/> below <paramref name="node"/>, or null.</summary>
    public static object? At(this object? node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not IDictionary<object, object> map || !map.TryGetValue(key, out node)) return null;
        }

        return node;
    }

    public static string? Text(this object? node, params string[] path) => node.At(path) as string;

    public static int? Number(this object? node, params string[] path) =>
        node.Text(path) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static IReadOnlyList<object> Items(this object? node, params string[] path) =>
        node.At(path) is IList<object> list ? list.Where(item => item is not null).ToList() : [];

    public static IReadOnlyDictionary<string, string> Pairs(this object? node, params string[] path) =>
        node.At(path) is IDictionary<object, object> map
            ? map.ToDictionary(entry => (string)entry.Key, entry => entry.Value as string ?? "", StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

    public static bool Has(this object? node, params string[] path) =>
        path.Length == 0 ? node is not null : node.At(path[..^1]) is IDictionary<object, object> map && map.ContainsKey(path[^1]);
}
