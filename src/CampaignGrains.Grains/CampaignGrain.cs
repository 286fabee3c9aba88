using CampaignGrains.Grains.Directory;
using CampaignGrains.Grains.Reports;
using CampaignGrains.Grains.Storage;
using Microsoft.Extensions.Logging;

namespace CampaignGrains.Grains;

[Reentrant]
internal sealed class CampaignGrain : Grain, ICampaignGrain
{
    private readonly DurableStatistics _statistics;
    private readonly StatisticsClock _clock;
    private readonly TabCache<CampaignTab> _tabs = new();
    private readonly ICampaignDirectory _directory;
    private readonly ILogger _logger;

    public CampaignGrain(
        [PersistentState("campaign", StorageNames.Statistics)] IPersistentState<StatisticsRecord> state,
        StatisticsClock clock,
        ICampaignDirectory directory,
        ILogger<CampaignGrain> logger)
    {
        _clock = clock;
        _directory = directory;
        _logger = logger;
        _statistics = new DurableStatistics(state, StatisticsShape.Campaign, clock, logger, DeactivateOnIdle);
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

    public async Task<ShareOutcome> RecordAsync(BatchShare share)
    {
        // Listed before its first batch is acknowledged, so every campaign a producer was told about is listed.
        if (!_statistics.HasBatches) await RegisterAsync();
        return await _statistics.RecordAsync(share);
    }

    private async Task RegisterAsync()
    {
        var key = this.GetPrimaryKeyString();
        var (tenantId, campaignId) = CampaignKey.Split(key);
        try
        {
            await _directory.RegisterAsync(tenantId, campaignId, _clock.UtcNow);
        }
        catch (Exception exception)
        {
            _logger.LogError(exception, "Listing campaign {Campaign} in the directory failed", key);
            throw new StatisticsUnavailableException("The campaign directory did not take the campaign; nothing was acknowledged. Retry the batch with the same idempotency key.");
        }
    }

    public Task<long> WaitForChangeAsync(long knownVersion, TimeSpan maxWait, CancellationToken cancellationToken) =>
        _statistics.WaitForChangeAsync(knownVersion, maxWait, cancellationToken);

    public Task<bool> ExistsAsync(CancellationToken cancellationToken) => Task.FromResult(_statistics.HasBatches);

    public Task<bool> IsKeyReusedAsync(ulong keyHash, ulong fingerprint) => Task.FromResult(_statistics.IsKeyReused(keyHash, fingerprint));

    public Task<CampaignTab?> GetCampaignTabAsync(ReportWindow window, CancellationToken cancellationToken)
    {
        if (!_statistics.HasBatches) return Task.FromResult<CampaignTab?>(null);
        var now = _clock.UtcNow;
        return Task.FromResult<CampaignTab?>(_tabs.Get(window, _statistics.Version, now, () => Build(window, now)));
    }

    private CampaignTab Build(ReportWindow window, DateTimeOffset now)
    {
        var view = ReportViews.Read(_statistics.Statistics, window, now);
        var totals = view.Totals;
        return new CampaignTab(
            ReportViews.SpanOf(view, window),
            Entered: totals[Metric.Entered],
            Excluded: totals[Metric.Excluded],
            Delivered: totals[Metric.Delivered],
            Errors: totals[Metric.Error],
            Channels: [.. _statistics.Channels.Order()]);
    }
}
