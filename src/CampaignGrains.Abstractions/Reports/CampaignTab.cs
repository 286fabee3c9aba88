namespace CampaignGrains.Abstractions;

/// <summary>The Campaign tab: campaign statistics across all channels.</summary>
/// <param name="Excluded">Excluded on every channel, plus exclusions before a channel was chosen.</param>
/// <param name="Channels">The channels the campaign has sent events for.</param>
[GenerateSerializer, Immutable, Alias("campaigngrains.CampaignTab")]
public sealed record CampaignTab(
    [property: Id(0)] ReportSpan Span,
    [property: Id(1)] long Entered,
    [property: Id(2)] long Excluded,
    [property: Id(3)] long Delivered,
    [property: Id(4)] long Errors,
    [property: Id(5)] Channel[] Channels);
