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
    [ResponseTimeout(FanOutTimeout)]
    Task<IngestResult> IngestAsync(EventBatch batch, CancellationToken cancellationToken = default);

    /// <summary>
    /// How long a batch may wait for the grains it concerns: longer than Orleans' 30-second default, because a
    /// batch over 10,000 campaigns none of which is in memory waits for as many activations.
    /// </summary>
    const string FanOutTimeout = "00:02:00";
}
