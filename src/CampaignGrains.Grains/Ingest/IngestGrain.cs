using Microsoft.Extensions.Options;

namespace CampaignGrains.Grains.Ingest;

/// <summary>
/// Validates a batch and fans each campaign's events out to its campaign, email and push grains, all
/// three every time, so each of them records the batch's key and can recognise a retry or a reused
/// key on its own. Stateless and reentrant: it only waits on the grains it called, so one activation
/// carries many batches at once.
/// </summary>
[StatelessWorker, Reentrant]
internal sealed class IngestGrain(ProfileHasher profileHasher, IOptions<IngestOptions> options, StatisticsClock clock) : Grain, IIngestGrain
{
    public async Task<IngestResult> IngestAsync(EventBatch batch, CancellationToken cancellationToken)
    {
        ValidateBatch(batch);
        var keyHash = BatchFingerprint.OfKey(batch.TenantId, batch.IdempotencyKey);
        var fingerprint = BatchFingerprint.OfContent(batch);
        var now = clock.UtcNow;

        var issues = new List<EventIssue>();
        var campaigns = new Dictionary<string, CampaignShares>(StringComparer.Ordinal);
        for (var index = 0; index < batch.Events.Length; index++)
        {
            var e = batch.Events[index];
            if (EventValidator.Validate(e, now, options.Value.FieldLimits) is { } rejection)
            {
                issues.Add(new EventIssue(index, EventOutcome.Rejected, rejection.Field, rejection.Message));
                continue;
            }
            if (!campaigns.TryGetValue(e.CampaignId, out var shares)) campaigns.Add(e.CampaignId, shares = new CampaignShares(e.CampaignId));
            if (!shares.EventIds.Add(e.EventId.Trim()))
            {
                issues.Add(new EventIssue(index, EventOutcome.Duplicate, "event_id", "repeats the event_id of an earlier event in this batch"));
                continue;
            }
            shares.Add(index, Tally(e));
        }

        if (campaigns.Count == 0) return new IngestResult(BatchOutcome.Rejected, 0, 0, issues.Count, [.. issues]);
        // A campaign the key's first batch did not name has no record of the key: ask the others first.
        if (campaigns.Count > 1 && await IsKeyReusedAsync(batch.TenantId, campaigns.Keys, keyHash, fingerprint)) return KeyReused(batch);

        var recorded = campaigns.Select(pair => RecordAsync(batch.TenantId, pair.Value, keyHash, fingerprint)).ToList();
        var outcomes = await Task.WhenAll(recorded);
        var result = Summarise(batch, issues, outcomes);
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

    private async Task<CampaignOutcome> RecordAsync(string tenantId, CampaignShares shares, ulong keyHash, ulong fingerprint)
    {
        var key = CampaignKey.Of(tenantId, shares.CampaignId);
        var channels = shares.Channels.ToArray();
        var campaign = GrainFactory.GetGrain<ICampaignGrain>(key).RecordAsync(new BatchShare(keyHash, fingerprint, [.. shares.Campaign], channels));
        var email = GrainFactory.GetGrain<IEmailGrain>(key).RecordAsync(new BatchShare(keyHash, fingerprint, [.. shares.Email], channels));
        var push = GrainFactory.GetGrain<IPushGrain>(key).RecordAsync(new BatchShare(keyHash, fingerprint, [.. shares.Push], channels));
        await Task.WhenAll(campaign, email, push);
        return new CampaignOutcome(shares, campaign.Result, email.Result, push.Result);
    }

    private static IngestResult Summarise(EventBatch batch, List<EventIssue> issues, CampaignOutcome[] outcomes)
    {
        if (outcomes.Any(o => o.Any(ShareOutcome.KeyReusedWithOtherContent))) return KeyReused(batch);

        var accepted = 0;
        foreach (var outcome in outcomes)
        {
            foreach (var (index, channel) in outcome.Shares.Primaries)
            {
                if (outcome.For(channel) == ShareOutcome.AlreadyApplied)
                    issues.Add(new EventIssue(index, EventOutcome.Duplicate, null, "this batch was already applied"));
                else
                    accepted++;
            }
        }
        var duplicates = issues.Count(issue => issue.Outcome == EventOutcome.Duplicate);
        var rejected = issues.Count(issue => issue.Outcome == EventOutcome.Rejected);
        var batchOutcome = outcomes.All(o => o.All(ShareOutcome.AlreadyApplied)) ? BatchOutcome.AlreadyApplied : BatchOutcome.Applied;
        return new IngestResult(batchOutcome, accepted, duplicates, rejected, [.. issues.OrderBy(issue => issue.Index)]);
    }

    private async Task<bool> IsKeyReusedAsync(string tenantId, IEnumerable<string> campaignIds, ulong keyHash, ulong fingerprint)
    {
        var checks = await Task.WhenAll(campaignIds.Select(campaignId =>
            GrainFactory.GetGrain<ICampaignGrain>(CampaignKey.Of(tenantId, campaignId)).IsKeyReusedAsync(keyHash, fingerprint)));
        return checks.Any(reused => reused);
    }

    private static IngestResult KeyReused(EventBatch batch) =>
        new(BatchOutcome.KeyReusedWithOtherContent, 0, 0, batch.Events.Length, [..
            Enumerable.Range(0, batch.Events.Length)
                .Select(index => new EventIssue(index, EventOutcome.Rejected, "idempotency_key", "was already used for a batch with other events"))]);

    /// <summary>One campaign's events of the batch, split by the grain that counts them.</summary>
    private sealed class CampaignShares(string campaignId)
    {
        public readonly string CampaignId = campaignId;
        public readonly HashSet<string> EventIds = new(StringComparer.Ordinal);
        public readonly HashSet<Channel> Channels = [];
        public readonly List<TalliedEvent> Campaign = [];
        public readonly List<TalliedEvent> Email = [];
        public readonly List<TalliedEvent> Push = [];

        /// <summary>Each event's index and the channel of the grain whose answer decides its outcome.</summary>
        public readonly List<(int Index, Channel Channel)> Primaries = [];

        public void Add(int index, TalliedEvent e)
        {
            Primaries.Add((index, e.Channel));
            if (e.Channel != Channel.None) Channels.Add(e.Channel);
            if (EventMetrics.CountsForCampaign(e.Kind)) Campaign.Add(e with { Domain = null, Platform = null, Reason = null });
            if (e.Channel == Channel.Email) Email.Add(e);
            if (e.Channel == Channel.Push) Push.Add(e);
        }
    }

    private sealed record CampaignOutcome(CampaignShares Shares, ShareOutcome Campaign, ShareOutcome Email, ShareOutcome Push)
    {
        public ShareOutcome For(Channel channel) => channel switch
        {
            Channel.Email => Email,
            Channel.Push => Push,
            _ => Campaign,
        };

        public bool Any(ShareOutcome outcome) => Campaign == outcome || Email == outcome || Push == outcome;

        public bool All(ShareOutcome outcome) => Campaign == outcome && Email == outcome && Push == outcome;
    }
}
