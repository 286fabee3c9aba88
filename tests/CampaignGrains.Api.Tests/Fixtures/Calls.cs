using CampaignGrains.Api.V1;
using Google.Protobuf.WellKnownTypes;

namespace CampaignGrains.Api.Tests.Fixtures;

/// <summary>Requests and call options the tests share.</summary>
internal static class Calls
{
    public const string Tenant = "tenant-api";

    private static int _next;

    public static CallOptions As(string tenant = Tenant, TimeSpan? deadline = null) =>
        new(new Metadata { { "x-tenant-id", tenant } }, DateTime.UtcNow + (deadline ?? TimeSpan.FromSeconds(60)));

    public static string NewCampaignId() => $"c-{Guid.NewGuid():N}";

    public static DeliveryEvent Email(string campaignId, EventKind kind, DateTimeOffset time) => new()
    {
        EventId = $"api-{Interlocked.Increment(ref _next)}",
        CampaignId = campaignId,
        Channel = Channel.Email,
        Kind = kind,
        Time = Timestamp.FromDateTimeOffset(time),
        ProfileId = $"profile-{_next}",
        Domain = "example.com",
    };

    public static IngestRequest Batch(params DeliveryEvent[] events) => new() { IdempotencyKey = $"key-{Guid.NewGuid():N}", Events = { events } };
}
