using CampaignGrains.Benchmarks.Stack;
using Google.Protobuf.WellKnownTypes;

namespace CampaignGrains.Benchmarks.Ingest;

/// <summary>
/// Realistic events (the seeded campaign generator's journeys) from which every benchmark event is made.
/// Event <c>n</c> is pool event <c>n mod size</c> with its own id and, from the second lap on, its own
/// profiles, so the same sequence numbers give the same events to the stack and to PostgreSQL.
/// </summary>
internal sealed class EventPool
{
    private readonly Abstractions.DeliveryEvent[] _events;
    private readonly Timestamp[] _times;

    public EventPool(int size, DateTimeOffset now)
    {
        var campaign = CampaignGenerator.Generate(seed: 9, SiloUnderTest.Tenant, "pool", now, size);
        _events = [.. campaign.Batches.DistinctBy(b => b.IdempotencyKey, StringComparer.Ordinal)
            .SelectMany(b => b.Events)
            .DistinctBy(e => e.EventId, StringComparer.Ordinal)];
        _times = [.. _events.Select(e => Timestamp.FromDateTimeOffset(e.Time))];
    }

    public int Size => _events.Length;

    public Abstractions.DeliveryEvent this[long sequence] => _events[sequence % _events.Length];

    public Timestamp TimeOf(long sequence) => _times[sequence % _events.Length];

    /// <summary>A profile id that is new on every lap through the pool, as a growing audience's would be.</summary>
    public string ProfileOf(long sequence) => $"{this[sequence].ProfileId.Trim()}-{sequence / _events.Length}";

    /// <summary>The event <see cref="ToWire"/> sends, as the report oracle reads it.</summary>
    public Abstractions.DeliveryEvent Event(long sequence, string campaignId) =>
        this[sequence] with { EventId = IdOf(sequence), CampaignId = campaignId, ProfileId = ProfileOf(sequence) };

    public V1.DeliveryEvent ToWire(long sequence, string campaignId)
    {
        var e = this[sequence];
        return new V1.DeliveryEvent
        {
            EventId = IdOf(sequence),
            CampaignId = campaignId,
            Channel = (V1.Channel)(int)e.Channel,
            Kind = (V1.EventKind)(int)e.Kind,
            Time = TimeOf(sequence),
            ProfileId = ProfileOf(sequence),
            Domain = e.Domain ?? "",
            Platform = e.Platform ?? "",
            BounceType = (V1.BounceType)(int)e.BounceType,
            Reason = e.Reason ?? "",
        };
    }

    private static string IdOf(long sequence) => $"e{sequence}";

    public V1.IngestRequest Batch(string key, long firstSequence, int size, Func<long, string> campaignOf)
    {
        var request = new V1.IngestRequest { IdempotencyKey = key };
        for (var sequence = firstSequence; sequence < firstSequence + size; sequence++) request.Events.Add(ToWire(sequence, campaignOf(sequence)));
        return request;
    }
}
