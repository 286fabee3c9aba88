namespace CampaignGrains.Statistics;

/// <summary>
/// The capacities of one grain's statistics: the metrics it counts, how many keys each breakdown keeps and
/// which metrics it counts per key. Together with the string limits of validation they bound the persisted state.
/// </summary>
/// <param name="Metrics">
/// Every metric the grain's events can carry (validation and the ingest split allow no others): only these
/// take counters in the live series. An event of another metric is not counted at all, so totals, the daily
/// and the live series always agree.
/// </param>
public sealed record StatisticsShape(
    MetricMask Metrics,
    int DomainCapacity,
    int ReasonCapacity,
    int PlatformCapacity,
    bool TracksUniqueProfiles)
{
    /// <summary>Sent, delivered, bounces, opens and clicks per domain: the Top recipient domains table.</summary>
    public static readonly MetricMask DomainMetrics = MetricMask.Of(
        Metric.Sent, Metric.Delivered, Metric.HardBounce, Metric.SoftBounce, Metric.IgnoredBounce, Metric.Open, Metric.Click);

    /// <summary>Bounce reasons keep the bounce type too, so each reason shows hard, soft or ignored.</summary>
    public static readonly MetricMask BounceReasonMetrics = MetricMask.Of(
        Metric.HardBounce, Metric.SoftBounce, Metric.IgnoredBounce, Metric.UntypedBounce);

    public static readonly MetricMask ErrorReasonMetrics = MetricMask.Of(Metric.Error);

    public static readonly MetricMask ExcludeReasonMetrics = MetricMask.Of(Metric.Excluded);

    /// <summary>Every push metric per platform: the Breakdown by platform widget.</summary>
    public static readonly MetricMask PlatformMetrics = MetricMask.Of(
        Metric.Excluded, Metric.Sent, Metric.Delivered, Metric.HardBounce, Metric.SoftBounce, Metric.IgnoredBounce,
        Metric.UntypedBounce, Metric.Error, Metric.Open, Metric.PushAction);

    /// <summary>Email: 64 recipient domains (the widget shows the top 10 by opens), 32 keys per reason list.</summary>
    public static readonly StatisticsShape Email = new(
        MetricMask.Of(Metric.Excluded, Metric.Sent, Metric.Delivered, Metric.HardBounce, Metric.SoftBounce, Metric.IgnoredBounce,
            Metric.Error, Metric.Open, Metric.Click, Metric.Unsubscribe, Metric.SpamComplaint),
        DomainCapacity: 64, ReasonCapacity: 32, PlatformCapacity: 0, TracksUniqueProfiles: true);

    /// <summary>Push: 32 keys per reason list, 16 platforms (ios, android, web and room for more).</summary>
    public static readonly StatisticsShape Push = new(PlatformMetrics, DomainCapacity: 0, ReasonCapacity: 32, PlatformCapacity: 16, TracksUniqueProfiles: true);

    /// <summary>The campaign grain keeps the Campaign tab's counts and series only.</summary>
    public static readonly StatisticsShape Campaign = new(
        MetricMask.Of(Metric.Entered, Metric.Excluded, Metric.Delivered, Metric.Error), DomainCapacity: 0, ReasonCapacity: 0, PlatformCapacity: 0, TracksUniqueProfiles: false);

    /// <summary>All-time unique counts: 4,096 registers, 1.63 % relative standard error.</summary>
    public const int AllTimeUniquePrecision = 12;

    /// <summary>
    /// Per-hour unique counts of the live window: 4,096 registers once an hour has more than 384 profiles. The
    /// union of the hours is a sketch of the same precision, so the window's count has 1.63 % relative standard error.
    /// Records of format 1 and 2 hold precision 10 (3.25 %); a window that still includes such an hour is
    /// counted at that precision until it leaves.
    /// </summary>
    public const int HourlyUniquePrecision = 12;
}
