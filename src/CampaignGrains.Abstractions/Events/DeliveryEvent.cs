namespace CampaignGrains.Abstractions;

/// <summary>One delivery event as a producer sends it.</summary>
/// <param name="EventId">Unique per event; a repeat inside one batch counts once.</param>
/// <param name="CampaignId">The campaign, within the batch's tenant.</param>
/// <param name="Channel">Email or push; none for entered, optional for excluded.</param>
/// <param name="Time">When it happened; decides its time bucket.</param>
/// <param name="ProfileId">The recipient; only a keyed hash of it is kept, for unique counts.</param>
/// <param name="Domain">Recipient domain, email only.</param>
/// <param name="Platform">Operating system, push only (ios, android, web, ...).</param>
/// <param name="BounceType">Required on email bounces, optional on push bounces, absent elsewhere.</param>
/// <param name="Reason">Bounce, error or exclude reason.</param>
[GenerateSerializer, Immutable, Alias("campaigngrains.DeliveryEvent")]
public sealed record DeliveryEvent(
    [property: Id(0)] string EventId,
    [property: Id(1)] string CampaignId,
    [property: Id(2)] Channel Channel,
    [property: Id(3)] EventKind Kind,
    [property: Id(4)] DateTimeOffset Time,
    [property: Id(5)] string ProfileId,
    [property: Id(6)] string? Domain = null,
    [property: Id(7)] string? Platform = null,
    [property: Id(8)] BounceType BounceType = BounceType.None,
    [property: Id(9)] string? Reason = null);
