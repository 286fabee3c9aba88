namespace CampaignGrains.Abstractions;

/// <summary>
/// A validated event on its way to a statistics grain: the profile id is replaced by its keyed hash
/// so no stateful grain ever holds a profile id.
/// </summary>
[GenerateSerializer, Immutable, Alias("campaigngrains.TalliedEvent")]
public sealed record TalliedEvent(
    [property: Id(0)] EventKind Kind,
    [property: Id(1)] Channel Channel,
    [property: Id(2)] DateTimeOffset Time,
    [property: Id(3)] ulong ProfileHash,
    [property: Id(4)] string? Domain,
    [property: Id(5)] string? Platform,
    [property: Id(6)] BounceType BounceType,
    [property: Id(7)] string? Reason);

/// <summary>One grain's share of a log entry: its events, and the channels the campaign's events of the entry use.</summary>
/// <param name="Channels">The channels this campaign's events in the batch use; the campaign grain keeps them.</param>
[GenerateSerializer, Immutable, Alias("campaigngrains.BatchShare")]
public sealed record BatchShare(
    [property: Id(0)] TalliedEvent[] Events,
    [property: Id(1)] Channel[] Channels);
