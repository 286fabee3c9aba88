namespace CampaignGrains.Abstractions;

/// <summary>
/// The front door for producers: validates a batch, drops repeated event ids, and hands each campaign's
/// events to its campaign and channel grains. A stateless worker: use key 0.
/// </summary>
public interface IIngestGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Answers once every accepted event is durable. Throws <see cref="StatisticsUnavailableException"/>
    /// when storage could not take the batch: nothing was acknowledged, and retrying the same batch
    /// with the same key is safe.
    /// </summary>
    Task<IngestResult> IngestAsync(EventBatch batch, CancellationToken cancellationToken = default);
}
