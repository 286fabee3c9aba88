using CampaignGrains.Grains.Log;
using Microsoft.Extensions.Options;

namespace CampaignGrains.Grains.Ingest;

/// <summary>
/// Validates a batch, groups its accepted events by campaign and appends it to the ingest log shard its key
/// hashes to: one append whatever the batch's fan-out, and every retry of a key in front of the same writer.
/// Stateless and reentrant: it only waits on the shard, so one activation carries many batches at once.
/// </summary>
[StatelessWorker, Reentrant]
internal sealed class IngestGrain(ProfileHasher profileHasher, IOptions<IngestOptions> options, IOptions<IngestLogOptions> logOptions, StatisticsClock clock)
    : Grain, IIngestGrain
{
    public async Task<IngestResult> IngestAsync(EventBatch batch, CancellationToken cancellationToken)
    {
        ValidateBatch(batch);
        var now = clock.UtcNow;

        var issues = new List<EventIssue>();
        var accepted = new List<int>();
        var campaigns = new Dictionary<string, (HashSet<string> EventIds, List<TalliedEvent> Events)>(StringComparer.Ordinal);
        for (var index = 0; index < batch.Events.Length; index++)
        {
            var e = batch.Events[index];
            if (EventValidator.Validate(e, now, options.Value.FieldLimits) is { } rejection)
            {
                issues.Add(new EventIssue(index, EventOutcome.Rejected, rejection.Field, rejection.Message));
                continue;
            }
            if (!campaigns.TryGetValue(e.CampaignId, out var campaign)) campaigns.Add(e.CampaignId, campaign = ([], []));
            if (!campaign.EventIds.Add(e.EventId.Trim()))
            {
                issues.Add(new EventIssue(index, EventOutcome.Duplicate, "event_id", "repeats the event_id of an earlier event in this batch"));
                continue;
            }
            campaign.Events.Add(Tally(e));
            accepted.Add(index);
        }

        if (campaigns.Count == 0) return new IngestResult(BatchOutcome.Rejected, 0, 0, issues.Count, [.. issues]);

        var keyHash = BatchFingerprint.OfKey(batch.TenantId, batch.IdempotencyKey);
        var entry = new LogBatch(keyHash, BatchFingerprint.OfContent(batch),
            [.. campaigns.Select(pair => new CampaignEvents(CampaignKey.Of(batch.TenantId, pair.Key), [.. pair.Value.Events]))]);
        var shard = (int)(keyHash % (ulong)logOptions.Value.Shards);
        var outcome = await GrainFactory.GetGrain<ILogShardGrain>(shard).AppendAsync(entry);

        var result = outcome switch
        {
            AppendOutcome.Applied => Result(BatchOutcome.Applied, accepted.Count, issues),
            AppendOutcome.AlreadyApplied => Result(BatchOutcome.AlreadyApplied, 0,
                [.. issues, .. accepted.Select(index => new EventIssue(index, EventOutcome.Duplicate, null, "this batch was already applied"))]),
            _ => KeyReused(batch),
        };
        GrainMetrics.RecordIngest(result, batch.Events.Length);
        return result;
    }

    private void ValidateBatch(EventBatch batch)
    {
        if (!CampaignKey.IsValidId(batch.TenantId)) throw new InvalidBatchException("tenant_id", "is missing or not a valid tenant id");
        if (string.IsNullOrWhiteSpace(batch.IdempotencyKey)) throw new InvalidBatchException("idempotency_key", "is required");
        var maxKey = options.Value.FieldLimits.IdempotencyKey;
        if (batch.IdempotencyKey.Length > maxKey)
            throw new InvalidBatchException("idempotency_key", $"is {batch.IdempotencyKey.Length} characters; at most {maxKey} are accepted");
        if (batch.Events is null || batch.Events.Length == 0) throw new InvalidBatchException("events", "a batch needs at least one event");
        var max = options.Value.MaxEventsPerBatch;
        if (batch.Events.Length > max) throw new InvalidBatchException("events", $"has {batch.Events.Length} events; at most {max} are accepted per batch");
    }

    private TalliedEvent Tally(DeliveryEvent e) => new(
        e.Kind,
        e.Channel,
        e.Time,
        profileHasher.Hash(e.ProfileId.Trim()),
        Key(e.Domain),
        Key(e.Platform),
        e.BounceType,
        Key(e.Reason));

    private static string? Key(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static IngestResult Result(BatchOutcome outcome, int accepted, List<EventIssue> issues) => new(
        outcome, accepted,
        issues.Count(issue => issue.Outcome == EventOutcome.Duplicate),
        issues.Count(issue => issue.Outcome == EventOutcome.Rejected),
        [.. issues.OrderBy(issue => issue.Index)]);

    private static IngestResult KeyReused(EventBatch batch) =>
        new(BatchOutcome.KeyReusedWithOtherContent, 0, 0, batch.Events.Length, [..
            Enumerable.Range(0, batch.Events.Length)
                .Select(index => new EventIssue(index, EventOutcome.Rejected, "idempotency_key", "was already used for a batch with other events"))]);
}
