namespace CampaignGrains.Statistics;

/// <summary>
/// A validated event as the statistics model sees it: the metric it adds to, when it happened, a keyed
/// hash of the profile (never the profile id) and its optional breakdown keys, already trimmed.
/// </summary>
public readonly record struct StatisticsEvent(
    Metric Metric,
    DateTimeOffset Time,
    ulong ProfileHash,
    string? Domain = null,
    string? Platform = null,
    string? Reason = null);
