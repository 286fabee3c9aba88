namespace CampaignGrains.Abstractions;

/// <summary>Event counts of the push channel (totals, one chart bucket, or one platform).</summary>
/// <param name="Actions">Button clicks or dismissals of a delivered notification.</param>
[GenerateSerializer, Immutable, Alias("campaigngrains.PushCounts")]
public sealed record PushCounts(
    [property: Id(0)] long Sent,
    [property: Id(1)] long Delivered,
    [property: Id(2)] long Bounces,
    [property: Id(3)] long Errors,
    [property: Id(4)] long Excluded,
    [property: Id(5)] long Opens,
    [property: Id(6)] long Actions)
{
    public long Engagements => Opens + Actions;
}

/// <summary>Push rates as fractions; each is absent when its denominator is zero.</summary>
[GenerateSerializer, Immutable, Alias("campaigngrains.PushRates")]
public sealed record PushRates(
    [property: Id(0)] double? Delivery,
    [property: Id(1)] double? Bounce,
    [property: Id(2)] double? Error,
    [property: Id(3)] double? Open);

[GenerateSerializer, Immutable, Alias("campaigngrains.PushPoint")]
public sealed record PushPoint(
    [property: Id(0)] DateTimeOffset Start,
    [property: Id(1)] PushCounts Counts);

[GenerateSerializer, Immutable, Alias("campaigngrains.PlatformStats")]
public sealed record PlatformStats(
    [property: Id(0)] string Platform,
    [property: Id(1)] PushCounts Counts,
    [property: Id(2)] long MaxUndercount);

[GenerateSerializer, Immutable, Alias("campaigngrains.PlatformBreakdown")]
public sealed record PlatformBreakdown(
    [property: Id(0)] PlatformStats[] Platforms,
    [property: Id(1)] PushCounts Other,
    [property: Id(2)] bool IsExact);

/// <summary>
/// The Push tab: sending performance and its chart, error, exclude and bounce reasons, failed sends
/// (errors and bounces, in <see cref="Totals"/>) and the breakdown by platform.
/// </summary>
/// <param name="UniqueOpens">Distinct profiles with a push open (estimate).</param>
[GenerateSerializer, Immutable, Alias("campaigngrains.PushTab")]
public sealed record PushTab(
    [property: Id(0)] ReportSpan Span,
    [property: Id(1)] PushCounts Totals,
    [property: Id(2)] long UniqueOpens,
    [property: Id(3)] PushRates Rates,
    [property: Id(4)] PushPoint[] Series,
    [property: Id(5)] ReasonBreakdown ErrorReasons,
    [property: Id(6)] ReasonBreakdown ExcludeReasons,
    [property: Id(7)] ReasonBreakdown BounceReasons,
    [property: Id(8)] PlatformBreakdown Platforms);
