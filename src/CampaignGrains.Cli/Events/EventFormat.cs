namespace CampaignGrains.Cli.Events;

internal enum EventFormat
{
    /// <summary>One JSON object per line.</summary>
    Ndjson,

    /// <summary>A header row naming the fields, then one event per record.</summary>
    Csv,
}
