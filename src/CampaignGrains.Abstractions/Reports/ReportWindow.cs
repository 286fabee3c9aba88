namespace CampaignGrains.Abstractions;

public enum ReportWindow
{
    Unspecified = 0,
    /// <summary>The live report: five-minute buckets over the 24 hours before now, the current one included.</summary>
    Last24Hours = 1,
    /// <summary>Every event the campaign received; the chart has daily buckets.</summary>
    AllTime = 2,
}
