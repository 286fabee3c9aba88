using Google.Protobuf.WellKnownTypes;
using Domain = CampaignGrains.Abstractions;
using V1 = CampaignGrains.Api.V1;

namespace CampaignGrains.Api.Tests.Fixtures;

/// <summary>Generated batches as a producer would put them on the wire.</summary>
internal static class WireEvents
{
    public static V1.IngestRequest ToRequest(Domain.EventBatch batch)
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
