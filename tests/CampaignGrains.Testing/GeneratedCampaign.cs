using CampaignGrains.Abstractions;

namespace CampaignGrains.Testing;

/// <summary>A generated campaign: its batches in the order a producer sends them, retries included.</summary>
public sealed record GeneratedCampaign(string TenantId, string CampaignId, DateTimeOffset Now, IReadOnlyList<EventBatch> Batches)
{
    /// <summary>Batches with a key not seen earlier in <see cref="Batches"/>.</summary>
    public int DistinctBatchCount => Batches.Select(b => b.IdempotencyKey).Distinct(StringComparer.Ordinal).Count();

    /// <summary>Batches that repeat an earlier batch's key (exact retries).</summary>
    public int RetryCount => Batches.Count - DistinctBatchCount;

    /// <summary>Distinct events over the distinct batches: what must be counted.</summary>
    public int LogicalEventCount => DistinctBatches().Sum(b => b.Events.Select(e => e.EventId).Distinct(StringComparer.Ordinal).Count());

    /// <summary>Extra copies of an event id inside the distinct batches: what must not be counted.</summary>
    public int InBatchDuplicateCount => DistinctBatches().Sum(b => b.Events.Length) - LogicalEventCount;

    private IEnumerable<EventBatch> DistinctBatches() => Batches.DistinctBy(b => b.IdempotencyKey, StringComparer.Ordinal);
}
