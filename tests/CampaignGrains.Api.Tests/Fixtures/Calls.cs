using CampaignGrains.Api.Security;
using CampaignGrains.Api.V1;
using Google.Protobuf.WellKnownTypes;

namespace CampaignGrains.Api.Tests.Fixtures;

/// <summary>Requests and call options the tests share.</summary>
internal static class Calls
{
    public const string Tenant = "tenant-api";

    /// <summary>The key the test hosts accept tokens from (Auth:SigningKeys:0).</summary>
    public static readonly string SigningKey = Convert.ToBase64String("campaigngrains-api-tests-signing-key-32b"u8);

    private static int _next;

    /// <summary>A call as <paramref name="tenant"/> holding <paramref name="scopes"/> (by default read and write).</summary>
    public static CallOptions As(string tenant = Tenant, TimeSpan? deadline = null, params string[] scopes) =>
        WithToken(Token(tenant, scopes.Length == 0 ? DevelopmentTokens.DefaultScopes : scopes), deadline);

    public static CallOptions WithToken(string? token, TimeSpan? deadline = null) => new(
        token is null ? [] : new Metadata { { "authorization", $"Bearer {token}" } },
        DateTime.UtcNow + (deadline ?? TimeSpan.FromSeconds(60)));

    public static string Token(string tenant, IEnumerable<string> scopes, TimeSpan? lifetime = null, DateTimeOffset? now = null,
        string key = "", string issuer = "campaigngrains", string audience = "campaigngrains") =>
        DevelopmentTokens.Mint(key.Length == 0 ? SigningKey : key, issuer, audience, tenant, scopes, lifetime ?? TimeSpan.FromMinutes(10), now);

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
