namespace CampaignGrains.Grains.Ingest;

/// <summary>Maps the API's event kinds onto the statistics model's metrics.</summary>
public static class EventMetrics
{
    public static Metric MetricOf(EventKind kind, BounceType bounceType) => kind switch
    {
        EventKind.Entered => Metric.Entered,
        EventKind.Excluded => Metric.Excluded,
        EventKind.Sent => Metric.Sent,
        EventKind.Delivered => Metric.Delivered,
        EventKind.Bounced => bounceType switch
        {
            BounceType.Hard => Metric.HardBounce,
            BounceType.Soft => Metric.SoftBounce,
            BounceType.Ignored => Metric.IgnoredBounce,
            _ => Metric.UntypedBounce,
        },
        EventKind.Errored => Metric.Error,
        EventKind.Opened => Metric.Open,
        EventKind.Clicked => Metric.Click,
        EventKind.Unsubscribed => Metric.Unsubscribe,
        EventKind.SpamComplaint => Metric.SpamComplaint,
        EventKind.PushAction => Metric.PushAction,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a countable event kind."),
    };

    /// <summary>The kinds the Campaign tab counts across channels.</summary>
    public static bool CountsForCampaign(EventKind kind) =>
        kind is EventKind.Entered or EventKind.Excluded or EventKind.Delivered or EventKind.Errored;

    public static StatisticsEvent ToStatisticsEvent(TalliedEvent e) =>
        new(MetricOf(e.Kind, e.BounceType), e.Time, e.ProfileHash, e.Domain, e.Platform, e.Reason);
}
