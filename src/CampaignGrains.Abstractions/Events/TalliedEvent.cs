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

/// <summary>
/// One grain's share of a batch. The key hash and the fingerprint of the whole batch travel with every
/// share, so each grain can tell a retry from a reuse of the key on its own.
/// </summary>
/// <param name="Channels">The channels this campaign's events in the batch use; the campaign grain keeps them.</param>
[GenerateSerializer, Immutable, Alias("campaigngrains.BatchShare")]
public sealed record BatchShare(
    [property: Id(0)] ulong KeyHash,
    [property: Id(1)] ulong Fingerprint,
    [property: Id(2)] TalliedEvent[] Events,
    [property: Id(3)] Channel[] Channels);

public enum ShareOutcome
{
    Applied = 0,
    AlreadyApplied = 1,
    KeyReusedWithOtherContent = 2,
}
