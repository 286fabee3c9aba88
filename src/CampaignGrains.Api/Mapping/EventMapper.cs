using Google.Protobuf.WellKnownTypes;
using V1 = CampaignGrains.Api.V1;

namespace CampaignGrains.Api.Mapping;

/// <summary>
/// From the wire to the grains. Enum numbers are the same on both sides by design; unknown numbers
/// pass through unchanged so validation rejects them with the field's name.
/// </summary>
internal static class EventMapper
{
    public static EventBatch ToBatch(string tenantId, V1.IngestRequest request) => new(
        tenantId,
        request.IdempotencyKey,
        [.. request.Events.Select(ToEvent)]);

    public static V1.IngestResponse ToResponse(string idempotencyKey, int eventCount, IngestResult result)
    {
        var response = new V1.IngestResponse
        {
            IdempotencyKey = idempotencyKey,
            Outcome = (V1.BatchOutcome)(int)result.Outcome,
            Accepted = result.Accepted,
            Duplicates = result.Duplicates,
            Rejected = result.Rejected,
        };
        var issues = result.Issues.ToDictionary(issue => issue.Index);
        var unlisted = result.Outcome == BatchOutcome.AlreadyApplied ? V1.EventOutcome.Duplicate : V1.EventOutcome.Accepted;
        for (var index = 0; index < eventCount; index++)
        {
            response.Results.Add(issues.TryGetValue(index, out var issue)
                ? new V1.EventResult { Index = index, Outcome = (V1.EventOutcome)(int)issue.Outcome, Field = issue.Field ?? "", Message = issue.Message }
                : new V1.EventResult { Index = index, Outcome = unlisted });
        }
        return response;
    }

    private static DeliveryEvent ToEvent(V1.DeliveryEvent e) => new(
        e.EventId,
        e.CampaignId,
        (Channel)(int)e.Channel,
        (EventKind)(int)e.Kind,
        TimeOf(e.Time),
        e.ProfileId,
        NullIfEmpty(e.Domain),
        NullIfEmpty(e.Platform),
        (BounceType)(int)e.BounceType,
        NullIfEmpty(e.Reason));

    /// <summary>A missing or malformed timestamp becomes the zero time, which validation rejects as "time".</summary>
    private static DateTimeOffset TimeOf(Timestamp? time)
    {
        if (time is null) return default;
        try
        {
            return time.ToDateTimeOffset();
        }
        catch (InvalidOperationException)
        {
            return default;
        }
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
