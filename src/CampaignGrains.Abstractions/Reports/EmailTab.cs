namespace CampaignGrains.Abstractions;

/// <summary>Event counts of the email channel (totals, or one chart bucket).</summary>
[GenerateSerializer, Immutable, Alias("campaigngrains.EmailCounts")]
public sealed record EmailCounts(
    [property: Id(0)] long Sent,
    [property: Id(1)] long Delivered,
    [property: Id(2)] long HardBounces,
    [property: Id(3)] long SoftBounces,
    [property: Id(4)] long IgnoredBounces,
    [property: Id(5)] long Errors,
    [property: Id(6)] long Excluded,
    [property: Id(7)] long Opens,
    [property: Id(8)] long Clicks,
    [property: Id(9)] long Unsubscribes,
    [property: Id(10)] long SpamComplaints)
{
    public long Bounces => HardBounces + SoftBounces + IgnoredBounces;
}

/// <summary>Email rates as fractions; each is absent when its denominator is zero.</summary>
[GenerateSerializer, Immutable, Alias("campaigngrains.EmailRates")]
public sealed record EmailRates(
    [property: Id(0)] double? Delivery,
    [property: Id(1)] double? Bounce,
    [property: Id(2)] double? Error,
    [property: Id(3)] double? Open,
    [property: Id(4)] double? ClickThrough,
    [property: Id(5)] double? ClickToOpen,
    [property: Id(6)] double? Unsubscribe,
    [property: Id(7)] double? SpamComplaint);

[GenerateSerializer, Immutable, Alias("campaigngrains.EmailPoint")]
public sealed record EmailPoint(
    [property: Id(0)] DateTimeOffset Start,
    [property: Id(1)] EmailCounts Counts);

/// <summary>One recipient domain of the Top recipient domains widget.</summary>
[GenerateSerializer, Immutable, Alias("campaigngrains.DomainStats")]
public sealed record DomainStats(
    [property: Id(0)] string Domain,
    [property: Id(1)] long Sent,
    [property: Id(2)] long Delivered,
    [property: Id(3)] long Bounces,
    [property: Id(4)] long Opens,
    [property: Id(5)] long Clicks,
    [property: Id(6)] long MaxUndercount);

/// <summary>Domains ordered by opens (then sent), with every domain beyond the kept set summed in <see cref="Other"/>.</summary>
[GenerateSerializer, Immutable, Alias("campaigngrains.DomainBreakdown")]
public sealed record DomainBreakdown(
    [property: Id(0)] DomainStats[] Domains,
    [property: Id(1)] DomainStats Other,
    [property: Id(2)] bool IsExact);

/// <summary>
/// The Email tab: sending statistics, sending metrics and their chart, bounce categories and reasons,
/// error and exclude reasons, and top recipient domains.
/// </summary>
/// <param name="UniqueOpens">Distinct profiles with an open or a click (estimate, see README for its error).</param>
/// <param name="UniqueClicks">Distinct profiles with a click (estimate).</param>
[GenerateSerializer, Immutable, Alias("campaigngrains.EmailTab")]
public sealed record EmailTab(
    [property: Id(0)] ReportSpan Span,
    [property: Id(1)] EmailCounts Totals,
    [property: Id(2)] long UniqueOpens,
    [property: Id(3)] long UniqueClicks,
    [property: Id(4)] EmailRates Rates,
    [property: Id(5)] EmailPoint[] Series,
    [property: Id(6)] ReasonBreakdown BounceReasons,
    [property: Id(7)] ReasonBreakdown ErrorReasons,
    [property: Id(8)] ReasonBreakdown ExcludeReasons,
    [property: Id(9)] DomainBreakdown Domains);
