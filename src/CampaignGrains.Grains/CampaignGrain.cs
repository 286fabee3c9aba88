using CampaignGrains.Grains.Reports;
using CampaignGrains.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace CampaignGrains.Grains;

[Reentrant]
internal sealed class CampaignGrain : Grain, ICampaignGrain
{
    private readonly DurableStatistics _statistics;
    private readonly StatisticsClock _clock;

    public CampaignGrain(
        [PersistentState("campaign", StorageNames.Statistics)] IPersistentState<StatisticsRecord> state,
        StatisticsClock clock,
        ILogger<CampaignGrain> logger)
    {
        _clock = clock;
        _statistics = new DurableStatistics(state, StatisticsShape.Campaign, clock, logger, DeactivateOnIdle);
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _statistics.Load();
        return Task.CompletedTask;
    }

    public Task<ShareOutcome> RecordAsync(BatchShare share) => _statistics.RecordAsync(share);

    public Task<CampaignTab?> GetCampaignTabAsync(ReportWindow window)
    {
        if (!_statistics.HasBatches) return Task.FromResult<CampaignTab?>(null);
        var view = ReportViews.Read(_statistics.Statistics, window, _clock.UtcNow);
        var totals = view.Totals;
        return Task.FromResult<CampaignTab?>(new CampaignTab(
            ReportViews.SpanOf(view, window),
            Entered: totals[Metric.Entered],
            Excluded: totals[Metric.Excluded],
            Delivered: totals[Metric.Delivered],
            Errors: totals[Metric.Error],
            Channels: [.. _statistics.Channels.Order()]));
    }
}
