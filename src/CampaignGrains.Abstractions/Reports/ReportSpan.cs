namespace CampaignGrains.Abstractions;

/// <summary>
/// Exactly what a tab covers. Counts and charts cover [<see cref="From"/>, <see cref="To"/>) in buckets
/// of <see cref="BucketWidth"/>; breakdowns and unique counts cover [<see cref="BreakdownFrom"/>,
/// <see cref="BreakdownTo"/>), which in the live window is whole hours.
/// </summary>
[GenerateSerializer, Immutable, Alias("campaigngrains.ReportSpan")]
public sealed record ReportSpan(
    [property: Id(0)] ReportWindow Window,
    [property: Id(1)] DateTimeOffset From,
    [property: Id(2)] DateTimeOffset To,
    [property: Id(3)] TimeSpan BucketWidth,
    [property: Id(4)] DateTimeOffset BreakdownFrom,
    [property: Id(5)] DateTimeOffset BreakdownTo);
