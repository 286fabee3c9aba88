namespace CampaignGrains.Statistics;

/// <summary>
/// What one delivery event adds one to. Every event maps to exactly one metric, so totals never
/// double count; derived figures (Bounces, Engagements, rates) are computed when a report is read.
/// </summary>
public enum Metric : byte
{
    Entered,
    Excluded,
    Sent,
    Delivered,
    HardBounce,
    SoftBounce,
    IgnoredBounce,
    /// <summary>A push bounce whose producer did not say hard, soft or ignored.</summary>
    UntypedBounce,
    Error,
    Open,
    Click,
    Unsubscribe,
    SpamComplaint,
    PushAction,
}
