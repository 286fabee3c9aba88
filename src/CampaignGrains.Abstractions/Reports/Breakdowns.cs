namespace CampaignGrains.Abstractions;

/// <summary>One bounce, error or exclude reason.</summary>
/// <param name="MaxUndercount">How many earlier events of this reason may be counted in Other instead (0 when exact).</param>
[GenerateSerializer, Immutable, Alias("campaigngrains.ReasonCount")]
public sealed record ReasonCount(
    [property: Id(0)] string Reason,
    [property: Id(1)] long Count,
    [property: Id(2)] long MaxUndercount);

/// <summary>
/// Counts per reason, largest first. Reasons beyond the kept set are summed in <see cref="Other"/>;
/// <see cref="IsExact"/> says no reason was ever moved there.
/// </summary>
[GenerateSerializer, Immutable, Alias("campaigngrains.ReasonBreakdown")]
public sealed record ReasonBreakdown(
    [property: Id(0)] ReasonCount[] Reasons,
    [property: Id(1)] long Other,
    [property: Id(2)] bool IsExact);
