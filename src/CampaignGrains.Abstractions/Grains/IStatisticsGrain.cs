namespace CampaignGrains.Abstractions;

/// <summary>
/// A grain that keeps the sums of one share of a campaign's events: a cache of the ingest log, checkpointed
/// together with the log positions it covers.
/// </summary>
public interface IStatisticsGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies the share of the log entry at <paramref name="position"/> of <paramref name="shard"/> in memory,
    /// unless this grain's applied position for that shard already covers it. Called by the log shard, in
    /// position order per grain; <paramref name="previous"/> is the shard's last entry for this grain before it
    /// that the grain has not checkpointed (0 if none), so an activation that missed it (another activation of
    /// the same grain took it) catches up first or reloads. Answers the position its last checkpoint covers.
    /// </summary>
    Task<long> ApplyAsync(int shard, long position, long previous, BatchShare share);

    /// <summary>Writes a checkpoint now if anything is unwritten, and tells the log shards what it covers.</summary>
    Task CheckpointAsync();

    /// <summary>
    /// <see cref="CheckpointAsync"/> without waiting for it: how a log shard wakes a grain that owes it a
    /// checkpoint (activating it if its silo died, so it catches up). One way, so a grain whose checkpoint waits
    /// its turn is not also holding a call open for every shard that asked.
    /// </summary>
    [OneWay]
    Task RequestCheckpointAsync();

    /// <summary>
    /// Answers this grain's statistics version as soon as it differs from <paramref name="knownVersion"/>,
    /// or after <paramref name="maxWait"/> when nothing changed. Lets a watcher wait for news without polling.
    /// </summary>
    [ReadOnly]
    Task<long> WaitForChangeAsync(long knownVersion, TimeSpan maxWait, CancellationToken cancellationToken = default);
}
