namespace CampaignGrains.Grains.Ingest;

/// <summary>
/// The rules an event must meet before anything of it is counted. The first broken rule is reported,
/// naming its field; string keys are trimmed first, and an empty key counts as absent.
/// </summary>
public static class EventValidator
{
    public static EventRejection? Validate(DeliveryEvent e, DateTimeOffset now, FieldLimits limits)
    {
        if (Text(e.EventId, "event_id", limits.EventId, required: true) is { } eventId) return eventId;
        if (!CampaignKey.IsValidId(e.CampaignId))
            return new("campaign_id", $"is required: 1 to {CampaignKey.MaxIdLength} letters, digits or - _ . :");
        if (!Enum.IsDefined(e.Kind) || e.Kind == EventKind.Unspecified) return new("kind", $"unknown event kind {(int)e.Kind}");
        if (!Enum.IsDefined(e.Channel)) return new("channel", $"unknown channel {(int)e.Channel}");
        if (ChannelRule(e.Kind, e.Channel) is { } channel) return channel;
        if (e.Time < FieldLimits.EarliestTime) return new("time", $"is before {FieldLimits.EarliestTime:yyyy-MM-dd}: missing or wrongly encoded");
        if (e.Time > now + TimeBuckets.MaxClockSkew)
            return new("time", $"is more than {TimeBuckets.MaxClockSkew.TotalMinutes:0} minutes in the future");
        if (Text(e.ProfileId, "profile_id", limits.ProfileId, required: true) is { } profile) return profile;
        if (Text(e.Domain, "domain", limits.Domain) is { } domain) return domain;
        if (HasValue(e.Domain) && e.Channel != Channel.Email) return new("domain", "is for email events only");
        if (HasValue(e.Domain) && e.Domain!.Trim().Any(char.IsWhiteSpace)) return new("domain", "must not contain whitespace");
        if (Text(e.Platform, "platform", limits.Platform) is { } platform) return platform;
        if (HasValue(e.Platform) && e.Channel != Channel.Push) return new("platform", "is for push events only");
        if (BounceRule(e) is { } bounce) return bounce;
        if (Text(e.Reason, "reason", limits.Reason) is { } reason) return reason;
        if (HasValue(e.Reason) && e.Kind is not (EventKind.Bounced or EventKind.Errored or EventKind.Excluded))
            return new("reason", "is for bounced, errored and excluded events only");
        return null;
    }

    private static EventRejection? ChannelRule(EventKind kind, Channel channel) => (kind, channel) switch
    {
        (EventKind.Entered, not Channel.None) => new("channel", "entered events have no channel"),
        (EventKind.Excluded, _) => null,
        (EventKind.Entered, Channel.None) => null,
        (_, Channel.None) => new("channel", $"is required for {kind} events"),
        (EventKind.Clicked or EventKind.Unsubscribed or EventKind.SpamComplaint, not Channel.Email) =>
            new("channel", $"{kind} events are email only"),
        (EventKind.PushAction, not Channel.Push) => new("channel", "push action events are push only"),
        _ => null,
    };

    private static EventRejection? BounceRule(DeliveryEvent e)
    {
        if (!Enum.IsDefined(e.BounceType)) return new("bounce_type", $"unknown bounce type {(int)e.BounceType}");
        if (e.Kind != EventKind.Bounced)
            return e.BounceType == BounceType.None ? null : new("bounce_type", "is for bounced events only");
        if (e.Channel == Channel.Email && e.BounceType == BounceType.None)
            return new("bounce_type", "is required on email bounces: hard, soft or ignored");
        return null;
    }

    private static bool HasValue(string? value) => !string.IsNullOrWhiteSpace(value);

    private static EventRejection? Text(string? value, string field, int maxLength, bool required = false)
    {
        if (!HasValue(value)) return required ? new(field, "is required") : null;
        var trimmed = value!.Trim();
        if (trimmed.Length > maxLength) return new(field, $"is {trimmed.Length} characters; at most {maxLength} are accepted");
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (char.IsControl(c)) return new(field, $"contains control character U+{(int)c:X4} at position {i}");
            if (char.IsHighSurrogate(c) && i + 1 < trimmed.Length && char.IsLowSurrogate(trimmed[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return new(field, $"contains an unpaired surrogate U+{(int)c:X4} at position {i}");
        }
        return null;
    }
}
