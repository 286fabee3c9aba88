namespace CampaignGrains.Grains.Ingest;

/// <summary>Limits and secrets of ingest. Section "Ingest" of the host configuration.</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    /// <summary>Largest batch accepted; larger ones are refused whole.</summary>
    public int MaxEventsPerBatch { get; set; } = 10_000;

    /// <summary>Longest accepted strings; each may be lowered, none raised past its ceiling.</summary>
    public FieldLimits FieldLimits { get; set; } = new();

    /// <summary>
    /// Secret key of the profile hash behind unique counts (at least 16 bytes, base64). Changing it makes
    /// new events of already-counted profiles count again, so set it once per deployment.
    /// </summary>
    public string ProfileHashKey { get; set; } = "";
}
