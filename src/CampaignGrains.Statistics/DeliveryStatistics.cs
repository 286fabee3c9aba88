namespace CampaignGrains.Statistics;

/// <summary>
/// Everything one grain knows about its events, updated one event at a time and never recomputed:
/// all-time totals, the live window's five-minute series, the all-time daily series, bounded
/// breakdowns with per-hour live counts, and unique-profile sketches.
/// </summary>
public sealed class DeliveryStatistics
{
    public DeliveryStatistics(StatisticsShape shape)
    {
        Shape = shape;
        Live = new LiveSeries(shape.Metrics);
        Daily = new DailySeries(shape.Metrics);
        BounceReasons = shape.ReasonCapacity > 0 ? new Breakdown(shape.ReasonCapacity, StatisticsShape.BounceReasonMetrics) : null;
        ErrorReasons = shape.ReasonCapacity > 0 ? new Breakdown(shape.ReasonCapacity, StatisticsShape.ErrorReasonMetrics) : null;
        ExcludeReasons = shape.ReasonCapacity > 0 ? new Breakdown(shape.ReasonCapacity, StatisticsShape.ExcludeReasonMetrics) : null;
        Domains = shape.DomainCapacity > 0 ? new Breakdown(shape.DomainCapacity, StatisticsShape.DomainMetrics) : null;
        Platforms = shape.PlatformCapacity > 0 ? new Breakdown(shape.PlatformCapacity, StatisticsShape.PlatformMetrics) : null;
        UniqueOpens = shape.TracksUniqueProfiles ? new UniqueProfiles() : null;
        UniqueClicks = shape.TracksUniqueProfiles ? new UniqueProfiles() : null;
    }

    public StatisticsShape Shape { get; }

    public MetricCounts Totals;

    public LiveSeries Live { get; }

    public DailySeries Daily { get; }

    public Breakdown? BounceReasons { get; }

    public Breakdown? ErrorReasons { get; }

    public Breakdown? ExcludeReasons { get; }

    public Breakdown? Domains { get; }

    public Breakdown? Platforms { get; }

    public UniqueProfiles? UniqueOpens { get; }

    public UniqueProfiles? UniqueClicks { get; }

    public void Record(in StatisticsEvent e, DateTimeOffset now)
    {
        if (!Shape.Metrics.Contains(e.Metric)) return;
        Totals[e.Metric]++;
        Daily.Add(TimeBuckets.IndexOf(e.Time, TimeBuckets.Day), e.Metric);

        var bucket = TimeBuckets.IndexOf(e.Time, TimeBuckets.Live);
        var currentBucket = TimeBuckets.IndexOf(now + TimeBuckets.MaxClockSkew, TimeBuckets.Live);
        if (bucket > currentBucket - LiveSeries.BucketCount) Live.Add(bucket, e.Metric);

        var hour = TimeBuckets.IndexOf(e.Time, TimeBuckets.Hour);
        var oldestLiveHour = TimeBuckets.IndexOf(now, TimeBuckets.Hour) - (TimeBuckets.LiveHourCount - 1);
        long? liveHour = hour >= oldestLiveHour ? hour : null;

        if (e.Reason is { } reason) ReasonsFor(e.Metric)?.Add(reason, e.Metric, liveHour, oldestLiveHour);
        if (e.Domain is { } domain) Domains?.Add(domain, e.Metric, liveHour, oldestLiveHour);
        if (e.Platform is { } platform) Platforms?.Add(platform, e.Metric, liveHour, oldestLiveHour);

        // A click proves an open, so it counts towards unique opens as well.
        if (e.Metric is Metric.Open or Metric.Click) UniqueOpens?.Add(e.ProfileHash, liveHour, oldestLiveHour);
        if (e.Metric is Metric.Click) UniqueClicks?.Add(e.ProfileHash, liveHour, oldestLiveHour);
    }

    private Breakdown? ReasonsFor(Metric metric) => metric switch
    {
        Metric.Excluded => ExcludeReasons,
        Metric.Error => ErrorReasons,
        Metric.HardBounce or Metric.SoftBounce or Metric.IgnoredBounce or Metric.UntypedBounce => BounceReasons,
        _ => null,
    };

    /// <summary>The last 24 hours before <paramref name="now"/>, in whole buckets, the current one included.</summary>
    public StatisticsView ViewLast24Hours(DateTimeOffset now)
    {
        var lastBucket = TimeBuckets.IndexOf(now, TimeBuckets.Live);
        var firstBucket = lastBucket - (TimeBuckets.LiveBucketCount - 1);
        var series = new SeriesPoint[TimeBuckets.LiveBucketCount];
        var totals = default(MetricCounts);
        for (var bucket = firstBucket; bucket <= lastBucket; bucket++)
        {
            var counts = Live.Get(bucket);
            totals.Add(counts);
            series[bucket - firstBucket] = new SeriesPoint(TimeBuckets.StartOf(bucket, TimeBuckets.Live), counts);
        }

        var lastHour = TimeBuckets.IndexOf(now, TimeBuckets.Hour);
        var firstHour = lastHour - (TimeBuckets.LiveHourCount - 1);
        return new StatisticsView(
            TimeBuckets.StartOf(firstBucket, TimeBuckets.Live),
            TimeBuckets.StartOf(lastBucket + 1, TimeBuckets.Live),
            TimeBuckets.Live,
            TimeBuckets.StartOf(firstHour, TimeBuckets.Hour),
            TimeBuckets.StartOf(lastHour + 1, TimeBuckets.Hour),
            totals,
            series,
            UniqueOpens?.Estimate(firstHour, lastHour),
            UniqueClicks?.Estimate(firstHour, lastHour),
            BounceReasons?.View(firstHour, lastHour),
            ErrorReasons?.View(firstHour, lastHour),
            ExcludeReasons?.View(firstHour, lastHour),
            Domains?.View(firstHour, lastHour),
            Platforms?.View(firstHour, lastHour));
    }

    /// <summary>Every event ever recorded; the chart has one point per day from the first day with data.</summary>
    public StatisticsView ViewAllTime(DateTimeOffset now)
    {
        var series = new List<SeriesPoint>();
        long? previous = null;
        foreach (var (day, counts) in Daily.Days)
        {
            for (var gap = previous + 1; gap < day; gap++) series.Add(new SeriesPoint(TimeBuckets.StartOf(gap.Value, TimeBuckets.Day), default));
            series.Add(new SeriesPoint(TimeBuckets.StartOf(day, TimeBuckets.Day), counts));
            previous = day;
        }

        var today = TimeBuckets.IndexOf(now, TimeBuckets.Day);
        var from = series.Count > 0 ? series[0].Start : TimeBuckets.StartOf(today, TimeBuckets.Day);
        var to = TimeBuckets.StartOf(Math.Max(today, previous ?? today) + 1, TimeBuckets.Day);
        return new StatisticsView(
            from,
            to,
            TimeBuckets.Day,
            from,
            to,
            Totals,
            series,
            AtMost(UniqueOpens?.Estimate(null, 0), Totals[Metric.Open] + Totals[Metric.Click]),
            AtMost(UniqueClicks?.Estimate(null, 0), Totals[Metric.Click]),
            BounceReasons?.View(null, 0),
            ErrorReasons?.View(null, 0),
            ExcludeReasons?.View(null, 0),
            Domains?.View(null, 0),
            Platforms?.View(null, 0));
    }

    /// <summary>
    /// An estimate can overshoot the events it counts (a click counts as an open too). Over all time it covers
    /// the same events as the counts, so they bound it; the live window's estimate covers whole hours, the
    /// counts five-minute buckets, so there they do not.
    /// </summary>
    private static long? AtMost(long? estimate, long events) => estimate is { } value ? Math.Min(value, events) : null;
}
