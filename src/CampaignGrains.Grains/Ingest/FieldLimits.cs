namespace CampaignGrains.Grains.Ingest;

/// <summary>
/// Longest accepted strings, in UTF-16 characters. They bound the persisted state: a breakdown key
/// costs at most three UTF-8 bytes per character.
/// </summary>
public static class FieldLimits
{
    public const int EventId = 128;
    public const int IdempotencyKey = 128;
    public const int ProfileId = 256;
    /// <summary>The longest DNS name.</summary>
    public const int Domain = 253;
    public const int Platform = 32;
    public const int Reason = 128;

    /// <summary>Events may be stamped this far back; older times are taken for clock or encoding errors.</summary>
    public static readonly DateTimeOffset EarliestTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
