namespace CampaignGrains.Abstractions;

/// <summary>
/// Events a producer sends together under one idempotency key. Sending the same batch again with the
/// same key never counts it twice; the same key with other content is refused.
/// </summary>
[GenerateSerializer, Immutable, Alias("campaigngrains.EventBatch")]
public sealed record EventBatch(
    [property: Id(0)] string TenantId,
    [property: Id(1)] string IdempotencyKey,
    [property: Id(2)] DeliveryEvent[] Events);
