using CampaignGrains.Grains.Ingest;

namespace CampaignGrains.Grains.Tests.Fixtures;

/// <summary>Valid events with sensible defaults; a test changes only what it is about with <c>with</c>.</summary>
internal static class TestEvents
{
    public const string Tenant = "tenant-a";

    private static int _next;

    public static DeliveryEvent Email(string campaignId, EventKind kind, DateTimeOffset time, string? profile = null) => new(
        EventId: $"ev-{Interlocked.Increment(ref _next)}",
        CampaignId: campaignId,
        Channel: Channel.Email,
        Kind: kind,
        Time: time,
        ProfileId: profile ?? $"profile-{_next}",
        Domain: "example.com",
        BounceType: kind == EventKind.Bounced ? BounceType.Hard : BounceType.None,
        Reason: kind is EventKind.Bounced or EventKind.Errored or EventKind.Excluded ? "Mailbox full" : null);

    public static DeliveryEvent Push(string campaignId, EventKind kind, DateTimeOffset time) => new(
        EventId: $"ev-{Interlocked.Increment(ref _next)}",
        CampaignId: campaignId,
        Channel: Channel.Push,
        Kind: kind,
        Time: time,
        ProfileId: $"profile-{_next}",
        Platform: "ios");

    public static EventBatch Batch(params DeliveryEvent[] events) => new(Tenant, $"key-{Guid.NewGuid():N}", events);

    /// <summary>A batch whose key hashes to <paramref name="shard"/> of the default eight, so tests can meet one writer.</summary>
    public static EventBatch BatchOnShard(int shard, params DeliveryEvent[] events)
    {
        while (true)
        {
            var batch = Batch(events);
            if (BatchFingerprint.OfKey(batch.TenantId, batch.IdempotencyKey) % 8 == (ulong)shard) return batch;
        }
    }
}
