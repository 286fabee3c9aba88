using CampaignGrains.Abstractions;

namespace CampaignGrains.Testing;

/// <summary>What one tab over one window covers: its span, which events its counts and breakdowns see, and its chart buckets.</summary>
internal sealed record ReportScope(ReportSpan Span, long FirstBucket, long LastBucket, long FirstBreakdownBucket, long LastBreakdownBucket, TimeSpan BreakdownWidth)
{
    private const int LiveBuckets = 288;
    private const int LiveBreakdownHours = 24;

    public TimeSpan BucketWidth => Span.BucketWidth;

    public bool InCounts(DeliveryEvent e) => Within(ReportBuckets.Index(e.Time, BucketWidth), FirstBucket, LastBucket);

    public bool InBreakdown(DeliveryEvent e) => Within(ReportBuckets.Index(e.Time, BreakdownWidth), FirstBreakdownBucket, LastBreakdownBucket);

    public IEnumerable<long> Buckets()
    {
        for (var b = FirstBucket; b <= LastBucket; b++) yield return b;
    }

    /// <param name="tabEvents">The events the tab is about: they decide where an all-time chart starts and ends.</param>
    public static ReportScope Of(ReportWindow window, DateTimeOffset now, IReadOnlyCollection<DeliveryEvent> tabEvents)
    {
        switch (window)
        {
            case ReportWindow.Last24Hours:
            {
                var five = ReportBuckets.FiveMinutes;
                var hour = ReportBuckets.Hour;
                var last = ReportBuckets.Index(now, five);
                var first = last - (LiveBuckets - 1);
                var lastHour = ReportBuckets.Index(now, hour);
                var firstHour = lastHour - (LiveBreakdownHours - 1);
                var span = new ReportSpan(window, ReportBuckets.Start(first, five), ReportBuckets.Start(last + 1, five), five,
                    ReportBuckets.Start(firstHour, hour), ReportBuckets.Start(lastHour + 1, hour));
                return new ReportScope(span, first, last, firstHour, lastHour, hour);
            }
            case ReportWindow.AllTime:
            {
                var day = ReportBuckets.Day;
                var today = ReportBuckets.Index(now, day);
                var days = tabEvents.Select(e => ReportBuckets.Index(e.Time, day)).ToList();
                var first = days.Count == 0 ? today : days.Min();
                var last = days.Count == 0 ? today : Math.Max(today, days.Max());
                var from = ReportBuckets.Start(first, day);
                var to = ReportBuckets.Start(last + 1, day);
                return new ReportScope(new ReportSpan(window, from, to, day, from, to), first, last, first, last, day);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(window), window, "Only the live and all-time windows exist.");
        }
    }

    private static bool Within(long index, long first, long last) => index >= first && index <= last;
}
