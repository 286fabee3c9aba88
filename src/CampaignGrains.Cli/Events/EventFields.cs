using System.Globalization;
using System.Text.RegularExpressions;
using CampaignGrains.Api.V1;
using Google.Protobuf.WellKnownTypes;

namespace CampaignGrains.Cli.Events;

/// <summary>
/// Builds a DeliveryEvent from a file's named text fields. Only what cannot be put on the wire is refused
/// here (an unknown kind, a time that is not RFC 3339); every rule of the API is left to the server, whose
/// rejections name the field.
/// </summary>
internal static partial class EventFields
{
    private static readonly Dictionary<string, Channel> Channels = Names<Channel>("channel", new()
    {
        ["email"] = Channel.Email, ["push"] = Channel.Push, ["unspecified"] = Channel.Unspecified,
    });

    private static readonly Dictionary<string, EventKind> Kinds = Names<EventKind>("eventkind", new()
    {
        ["entered"] = EventKind.Entered, ["excluded"] = EventKind.Excluded, ["sent"] = EventKind.Sent, ["delivered"] = EventKind.Delivered,
        ["bounced"] = EventKind.Bounced, ["errored"] = EventKind.Errored, ["opened"] = EventKind.Opened, ["clicked"] = EventKind.Clicked,
        ["unsubscribed"] = EventKind.Unsubscribed, ["spamcomplaint"] = EventKind.SpamComplaint, ["pushaction"] = EventKind.PushAction,
    });

    private static readonly Dictionary<string, BounceType> BounceTypes = Names<BounceType>("bouncetype", new()
    {
        ["hard"] = BounceType.Hard, ["soft"] = BounceType.Soft, ["ignored"] = BounceType.Ignored, ["unspecified"] = BounceType.Unspecified,
    });

    /// <summary>The event the fields describe. Absent and empty fields stay unset.</summary>
    /// <exception cref="FormatException">A value that has no wire form; the message names the field.</exception>
    public static DeliveryEvent ToEvent(IReadOnlyDictionary<string, string> fields)
    {
        string Text(string name) => fields.TryGetValue(name, out var value) ? value : "";
        var e = new DeliveryEvent
        {
            EventId = Text(EventFieldNames.EventId),
            CampaignId = Text(EventFieldNames.CampaignId),
            Channel = Parse(Channels, EventFieldNames.Channel, Text(EventFieldNames.Channel), "email, push"),
            Kind = Parse(Kinds, EventFieldNames.Kind, Text(EventFieldNames.Kind),
                "entered, excluded, sent, delivered, bounced, errored, opened, clicked, unsubscribed, spam_complaint, push_action"),
            ProfileId = Text(EventFieldNames.ProfileId),
            Domain = Text(EventFieldNames.Domain),
            Platform = Text(EventFieldNames.Platform),
            BounceType = Parse(BounceTypes, EventFieldNames.BounceType, Text(EventFieldNames.BounceType), "hard, soft, ignored"),
            Reason = Text(EventFieldNames.Reason),
        };
        if (Text(EventFieldNames.Time) is { Length: > 0 } time) e.Time = ParseTime(time);
        return e;
    }

    private static Timestamp ParseTime(string text)
    {
        if (!Rfc3339().IsMatch(text.Trim()) ||
            !DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var time))
            throw new FormatException($"{EventFieldNames.Time} '{text}' is not an RFC 3339 time such as 2026-11-28T12:00:00Z");
        return Timestamp.FromDateTimeOffset(time);
    }

    private static T Parse<T>(Dictionary<string, T> names, string field, string text, string expected) where T : struct, System.Enum
    {
        if (text.Trim().Length == 0) return default;
        return names.TryGetValue(Normalize(text), out var value)
            ? value
            : throw new FormatException($"{field} '{text}' is not one of {expected}");
    }

    /// <summary>"spam complaint", "spam_complaint", "spamComplaint" and "EVENT_KIND_SPAM_COMPLAINT" read alike.</summary>
    private static string Normalize(string text) =>
        new(text.Trim().ToLowerInvariant().Where(c => c is not (' ' or '_' or '-')).ToArray());

    /// <summary>The short names, and the same names behind the proto enum's prefix (e.g. "CHANNEL_EMAIL").</summary>
    private static Dictionary<string, T> Names<T>(string prefix, Dictionary<string, T> shortNames) =>
        shortNames.Concat(shortNames.Select(pair => KeyValuePair.Create(prefix + pair.Key, pair.Value))).ToDictionary();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();
}
