namespace CampaignGrains.Grains.Ingest;

/// <summary>
/// Longest accepted strings, in UTF-16 characters. Section "Ingest:FieldLimits". Configuration may
/// lower a limit, never raise it past its ceiling: the ceilings of the breakdown keys (domain, platform,
/// reason) are what the worst-case state size is tested at, a key costing at most three UTF-8 bytes a
/// character.
/// </summary>
public sealed class FieldLimits
{
    public const int MaxEventId = 128;
    public const int MaxIdempotencyKey = 128;
    public const int MaxProfileId = 256;
    /// <summary>The longest DNS name.</summary>
    public const int MaxDomain = 253;
    public const int MaxPlatform = 32;
    public const int MaxReason = 128;

    /// <summary>Events may be stamped this far back; older times are taken for clock or encoding errors.</summary>
    public static readonly DateTimeOffset EarliestTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public int EventId { get; set; } = MaxEventId;
    public int IdempotencyKey { get; set; } = MaxIdempotencyKey;
    public int ProfileId { get; set; } = MaxProfileId;
    public int Domain { get; set; } = MaxDomain;
    public int Platform { get; set; } = MaxPlatform;
    public int Reason { get; set; } = MaxReason;

    /// <summary>Every limit between 1 and its ceiling.</summary>
    public bool AreWithinCeilings =>
        EventId is > 0 and <= MaxEventId && IdempotencyKey is > 0 and <= MaxIdempotencyKey && ProfileId is > 0 and <= MaxProfileId
        && Domain is > 0 and <= MaxDomain && Platform is > 0 and <= MaxPlatform && Reason is > 0 and <= MaxReason;
}
