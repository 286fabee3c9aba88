using Google.Protobuf;

namespace CampaignGrains.Cli.Rendering;

/// <summary>The protobuf JSON mapping, for scripts: what any protobuf library parses back into the API's messages.</summary>
internal static class ProtoJson
{
    // Zeros are written too: a script reads "bounces": 0 rather than guessing what a missing field means.
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    public static string Format(IMessage message) => Formatter.Format(message);
}
