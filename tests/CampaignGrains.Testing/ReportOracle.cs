using CampaignGrains.Abstractions;

namespace CampaignGrains.Testing;

/// <summary>
/// The expected report, computed the slow and obvious way from the raw events. Unique counts are exact
/// distinct profile counts; the system under test may estimate them within its stated error.
/// </summary>
public sealed class ReportOracle
{
    private readonly IReadOnlyList<DeliveryEvent> events;

    private ReportOracle(IReadOnlyList<DeliveryEvent> events) => this.events = events;

    /// <summary>The accepted events: first batch per idempotency key, first event per id inside it.</summary>
    public IReadOnlyList<DeliveryEvent> Events => events;

    public static ReportOracle From(IEnumerable<EventBatch> batchesInSendOrder) =>
        new(batchesInSendOrder
            .DistinctBy(b => b.IdempotencyKey, StringComparer.Ordinal)
            .SelectMany(b => b.Events.DistinctBy(e => e.EventId, StringComparer.Ordinal))
            .ToList());

    public CampaignTab Campaign(ReportWindow window, DateTimeOffset now)
    {
        var scope = ReportScope.Of(window, now, events.ToList());
        var counted = events.Where(scope.InCounts).ToList();
        var channels = events.Select(e => e.Channel).Where(c => c != Channel.None).Distinct().Order().ToArray();
        return new CampaignTab(scope.Span, Count(counted, EventKind.Entered), Count(counted, EventKind.Excluded),
            Count(counted, EventKind.Delivered), Count(counted, EventKind.Errored), channels);
    }

    public EmailTab Email(ReportWindow window, DateTimeOffset now)
    {
        var email = events.Where(e => e.Channel == Channel.Email).ToList();
        var scope = ReportScope.Of(window, now, email);
        var counted = email.Where(scope.InCounts).ToList();
        var broken = email.Where(scope.InBreakdown).ToList();
        var totals = EmailCountsOf(counted);
        var uniqueOpens = DistinctProfiles(broken, EventKind.Opened, EventKind.Clicked);
        var uniqueClicks = DistinctProfiles(broken, EventKind.Clicked);
        var rates = new EmailRates(
            Rate.Of(totals.Delivered, totals.Sent),
            Rate.Of(totals.Bounces, totals.Sent),
            Rate.Of(totals.Errors, totals.Sent),
            Rate.Of(uniqueOpens, totals.Delivered),
            Rate.Of(uniqueClicks, totals.Delivered),
            Rate.Of(uniqueClicks, uniqueOpens),
            Rate.Of(totals.Unsubscribes, totals.Delivered),
            Rate.Of(totals.SpamComplaints, totals.Delivered));
        var byBucket = counted.ToLookup(e => ReportBuckets.Index(e.Time, scope.BucketWidth));
        var series = scope.Buckets().Select(b => new EmailPoint(ReportBuckets.Start(b, scope.BucketWidth), EmailCountsOf(byBucket[b]))).ToArray();
        return new EmailTab(scope.Span, totals, uniqueOpens, uniqueClicks, rates, series,
            ReasonsOf(broken, EventKind.Bounced), ReasonsOf(broken, EventKind.Errored), ReasonsOf(broken, EventKind.Excluded),
            DomainsOf(broken));
    }

    public PushTab Push(ReportWindow window, DateTimeOffset now)
    {
        var push = events.Where(e => e.Channel == Channel.Push).ToList();
        var scope = ReportScope.Of(window, now, push);
        var counted = push.Where(scope.InCounts).ToList();
        var broken = push.Where(scope.InBreakdown).ToList();
        var totals = PushCountsOf(counted);
        var uniqueOpens = DistinctProfiles(broken, EventKind.Opened);
        var rates = new PushRates(
            Rate.Of(totals.Delivered, totals.Sent),
            Rate.Of(totals.Bounces, totals.Sent),
            Rate.Of(totals.Errors, totals.Sent),
            Rate.Of(uniqueOpens, totals.Delivered));
        var byBucket = counted.ToLookup(e => ReportBuckets.Index(e.Time, scope.BucketWidth));
        var series = scope.Buckets().Select(b => new PushPoint(ReportBuckets.Start(b, scope.BucketWidth), PushCountsOf(byBucket[b]))).ToArray();
        return new PushTab(scope.Span, totals, uniqueOpens, rates, series,
            ReasonsOf(broken, EventKind.Errored), ReasonsOf(broken, EventKind.Excluded), ReasonsOf(broken, EventKind.Bounced),
            PlatformsOf(broken));
    }

    private static EmailCounts EmailCountsOf(IEnumerable<DeliveryEvent> source)
    {
        var e = source.ToList();
        return new EmailCounts(
            Count(e, EventKind.Sent),
            Count(e, EventKind.Delivered),
            e.LongCount(x => x.Kind == EventKind.Bounced && x.BounceType == BounceType.Hard),
            e.LongCount(x => x.Kind == EventKind.Bounced && x.BounceType == BounceType.Soft),
            e.LongCount(x => x.Kind == EventKind.Bounced && x.BounceType == BounceType.Ignored),
            Count(e, EventKind.Errored),
            Count(e, EventKind.Excluded),
            Count(e, EventKind.Opened),
            Count(e, EventKind.Clicked),
            Count(e, EventKind.Unsubscribed),
            Count(e, EventKind.SpamComplaint));
    }

    private static PushCounts PushCountsOf(IEnumerable<DeliveryEvent> source)
    {
        var e = source.ToList();
        return new PushCounts(
            Count(e, EventKind.Sent),
            Count(e, EventKind.Delivered),
            Count(e, EventKind.Bounced),
            Count(e, EventKind.Errored),
            Count(e, EventKind.Excluded),
            Count(e, EventKind.Opened),
            Count(e, EventKind.PushAction));
    }

    private static ReasonBreakdown ReasonsOf(IEnumerable<DeliveryEvent> source, EventKind kind) =>
        new(source
                .Where(e => e.Kind == kind && Key(e.Reason) is not null)
                .GroupBy(e => Key(e.Reason)!, StringComparer.Ordinal)
                .Select(g => new ReasonCount(g.Key, g.LongCount(), 0))
                .OrderByDescending(r => r.Count).ThenBy(r => r.Reason, StringComparer.Ordinal)
                .ToArray(),
            Other: 0,
            IsExact: true);

    private static DomainBreakdown DomainsOf(IEnumerable<DeliveryEvent> source) =>
        new(source
                .Where(e => Key(e.Domain) is not null)
                .GroupBy(e => Key(e.Domain)!, StringComparer.Ordinal)
                .Select(g => new DomainStats(g.Key,
                    Count(g, EventKind.Sent), Count(g, EventKind.Delivered), Count(g, EventKind.Bounced),
                    Count(g, EventKind.Opened), Count(g, EventKind.Clicked), MaxUndercount: 0))
                .Where(d => d.Sent + d.Delivered + d.Bounces + d.Opens + d.Clicks > 0)
                .OrderByDescending(d => d.Opens).ThenByDescending(d => d.Sent).ThenBy(d => d.Domain, StringComparer.Ordinal)
                .ToArray(),
            Other: new DomainStats("", 0, 0, 0, 0, 0, 0),
            IsExact: true);

    private static PlatformBreakdown PlatformsOf(IEnumerable<DeliveryEvent> source) =>
        new(source
                .Where(e => Key(e.Platform) is not null)
                .GroupBy(e => Key(e.Platform)!, StringComparer.Ordinal)
                .Select(g => new PlatformStats(g.Key, PushCountsOf(g), MaxUndercount: 0))
                .Where(p => p.Counts != new PushCounts(0, 0, 0, 0, 0, 0, 0))
                .OrderByDescending(p => p.Counts.Sent).ThenBy(p => p.Platform, StringComparer.Ordinal)
                .ToArray(),
            Other: new PushCounts(0, 0, 0, 0, 0, 0, 0),
            IsExact: true);

    private static long DistinctProfiles(IEnumerable<DeliveryEvent> source, params EventKind[] kinds) =>
        source.Where(e => kinds.Contains(e.Kind)).Select(e => e.ProfileId).Distinct(StringComparer.Ordinal).LongCount();

    private static long Count(IEnumerable<DeliveryEvent> source, EventKind kind) => source.LongCount(e => e.Kind == kind);

    /// <summary>Breakdown keys are kept as sent, trimmed; a blank key is no key.</summary>
    private static string? Key(string? raw) => string.IsNullOrWhiteSpace(raw) ? null : raw.Trim();
}
