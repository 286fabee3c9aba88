namespace CampaignGrains.Abstractions;

/// <summary>
/// One shard of the ingest log: the single writer of its partition, which assigns positions, appends batches
/// durably (many per storage operation) and hands each entry's shares to the statistics grains it concerns.
/// Key: the shard number, 0 to the configured shard count − 1.
/// </summary>
public interface ILogShardGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Answers once the batch is durable in the log and every grain it concerns has applied it in memory; a
    /// key appended before is answered from its marker, without a second append. A batch over thousands of
    /// campaigns not yet in memory waits for their activations: queued, not timed out (the producer's deadline
    /// still bounds it).
    /// </summary>
    [ResponseTimeout(IIngestGrain.FanOutTimeout)]
    Task<AppendOutcome> AppendAsync(LogBatch batch);

    /// <summary>The shares for <paramref name="target"/> past <paramref name="after"/> that it has not checkpointed, in position order.</summary>
    Task<PendingShare[]> PendingForAsync(GrainTarget target, long after);

    /// <summary><paramref name="target"/> wrote a checkpoint covering this shard's entries up to <paramref name="through"/>.</summary>
    Task CheckpointedAsync(GrainTarget target, long through);
}
