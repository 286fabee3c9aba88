using CampaignGrains.Grains.Reports;
using CampaignGrains.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace CampaignGrains.Grains;

[Reentrant]
internal sealed class PushGrain : Grain, IPushGrain
{
    private readonly DurableStatistics _statistics;
    private readonly StatisticsClock _clock;
    private readonly TabCache<PushTab> _tabs = new();

    public PushGrain(
        [PersistentState("push", StorageNames.Statistics)] IPersistentState<StatisticsRecord> state,
        StatisticsClock clock,
        ILogger<PushGrain> logger)
    {
        _clock = clock;
        _statistics = new DurableStatistics(state, StatisticsShape.Push, clock, logger, DeactivateOnIdle);
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _statistics.Load();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _statistics.Unload();
        return Task.CompletedTask;
    }

    public Task<ShareOutcome> RecordAsync(BatchShare share) => _statistics.RecordAsync(share);

    public Task<long> WaitForChangeAsync(long knownVersion, TimeSpan maxWait, CancellationToken cancellationToken) =>
        _statistics.WaitForChangeAsync(knownVersion, maxWait, cancellationToken);

    public Task<PushTab> GetPushTabAsync(ReportWindow window, CancellationToken cancellationToken)
    {
        var now = _clock.UtcNow;
        return Task.FromResult(_tabs.Get(window, _statistics.Version, now, () => PushReport.Build(ReportViews.Read(_statistics.Statistics, window, now), window)));
    }
}
