namespace CampaignGrains.Abstractions;

/// <summary>A grain that keeps durable statistics for one share of a campaign's events.</summary>
public interface IStatisticsGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies a share of a batch and answers once it is durable; a share whose key this grain already
    /// applied changes nothing. Called by <see cref="IIngestGrain"/>.
    /// </summary>
    Task<ShareOutcome> RecordAsync(BatchShare share);

    /// <summary>
    /// Answers this grain's statistics version as soon as it differs from <paramref name="knownVersion"/>,
    /// or after <paramref name="maxWait"/> when nothing changed. Lets a watcher wait for news without polling.
    /// </summary>
    [ReadOnly]
    Task<long> WaitForChangeAsync(long knownVersion, TimeSpan maxWait, CancellationToken cancellationToken = default);
}
