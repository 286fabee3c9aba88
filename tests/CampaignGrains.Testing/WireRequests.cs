using CampaignGrains.Abstractions;
using Google.Protobuf.WellKnownTypes;
using V1 = CampaignGrains.Api.V1;

namespace CampaignGrains.Testing;

/// <summary>Generated batches as a producer puts them on the wire.</summary>
public static class WireRequests
{
    public static V1.IngestRequest ToIngestRequest(this EventBatch batch)
    {
        var request = new V1.IngestRequest { IdempotencyKey = batch.IdempotencyKey };
        request.Events.AddRange(batch.Events.Select(e => new V1.DeliveryEvent
        {
            EventId = e.EventId,
            CampaignId = e.CampaignId,
            Channel = (V1.Channel)(int)e.Channel,
            Kind = (V1.EventKind)(int)e.Kind,
            Time = Timestamp.FromDateTimeOffset(e.Time),
            ProfileId = e.ProfileId,
            Domain = e.Domain ?? "",
            Platform = e.Platform ?? "",
            BounceType = (V1.BounceType)(int)e.BounceType,
            Reason = e.Reason ?? "",
        }));
        return request;
    }
}
