namespace CampaignGrains.Statistics;

/// <summary>
/// The statistics of one window, read from the grain's incremental state.
/// </summary>
/// <param name="From">Start of the first chart bucket in the window.</param>
/// <param name="To">End of the last chart bucket in the window (exclusive).</param>
/// <param name="BucketWidth">Width of the chart buckets.</param>
/// <param name="BreakdownFrom">Start of the span the breakdowns and unique counts cover (whole hours in the live window).</param>
/// <param name="Series">One point per bucket from <paramref name="From"/> to <paramref name="To"/>, zeros included.</param>
public sealed record StatisticsView(
    DateTimeOffset From,
    DateTimeOffset To,
    TimeSpan BucketWidth,
    DateTimeOffset BreakdownFrom,
    DateTimeOffset BreakdownTo,
    MetricCounts Totals,
    IReadOnlyList<SeriesPoint> Series,
    long? UniqueOpens,
    long? UniqueClicks,
    BreakdownView? BounceReasons,
    BreakdownView? ErrorReasons,
    BreakdownView? ExcludeReasons,
    BreakdownView? Domains,
    BreakdownView? Platforms);

public readonly record struct SeriesPoint(DateTimeOffset Start, MetricCounts Counts);
