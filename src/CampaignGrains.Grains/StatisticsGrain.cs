using CampaignGrains.Grains.Faults;
using CampaignGrains.Grains.Log;
using CampaignGrains.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignGrains.Grains;

/// <summary>
/// What the campaign, email and push grains share: a checkpointed cache of the ingest log (see
/// <see cref="DurableStatistics"/>), caught up on activation, checkpointed on a timer, after enough events and
/// on deactivation. Reentrant: reads and applies interleave; an apply awaits only a campaign's first listing or
/// an entry it missed, and changes the sums in one step without awaiting.
/// </summary>
[Reentrant]
internal abstract class StatisticsGrain : Grain, IStatisticsGrain
{
    private readonly IngestLogOptions _options;

    protected StatisticsGrain(IPersistentState<StatisticsRecord> state, StatisticsShape shape, StatisticsGrainKind kind,
        StatisticsClock clock, IOptions<IngestLogOptions> options, KillPoints killPoints, ILogger logger)
    {
        _options = options.Value;
        Clock = clock;
        Statistics = new DurableStatistics(state, shape, new GrainTarget(kind, this.GetPrimaryKeyString()), GrainFactory,
            _options, clock, killPoints, logger, DeactivateOnIdle);
    }

    protected DurableStatistics Statistics { get; }

    protected StatisticsClock Clock { get; }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await Statistics.LoadAsync();
        this.RegisterGrainTimer(Statistics.CheckpointIfUnwrittenAsync,
            new GrainTimerCreationOptions(_options.CheckpointInterval, _options.CheckpointInterval) { Interleave = true });
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Statistics.UnloadAsync();

    public async Task<long> ApplyAsync(int shard, long position, long previous, BatchShare share)
    {
        await BeforeApplyAsync();
        return await Statistics.ApplyAsync(shard, position, previous, share);
    }

    public Task CheckpointAsync() => Statistics.CheckpointAsync();

    public Task RequestCheckpointAsync()
    {
        _ = Statistics.CheckpointOrLogAsync();
        return Task.CompletedTask;
    }

    public Task<long> WaitForChangeAsync(long knownVersion, TimeSpan maxWait, CancellationToken cancellationToken) =>
        Statistics.WaitForChangeAsync(knownVersion, maxWait, cancellationToken);

    /// <summary>What must be durable before a share is applied and its batch acknowledged; nothing, unless a grain says otherwise.</summary>
    protected virtual Task BeforeApplyAsync() => Task.CompletedTask;
}
