using CampaignGrains.Grains.Directory;
using CampaignGrains.Grains.Faults;
using CampaignGrains.Grains.Log;
using CampaignGrains.Grains.Reports;
using CampaignGrains.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignGrains.Grains;

internal sealed class CampaignGrain(
    [PersistentState("campaign", StorageNames.Statistics)] IPersistentState<StatisticsRecord> state,
    StatisticsClock clock,
    ICampaignDirectory directory,
    IOptions<IngestLogOptions> options,
    KillPoints killPoints,
    ILogger<CampaignGrain> logger)
    : StatisticsGrain(state, StatisticsShape.Campaign, StatisticsGrainKind.Campaign, clock, options, killPoints, logger), ICampaignGrain
{
    private readonly TabCache<CampaignTab> _tabs = new();

    public Task<bool> ExistsAsync(CancellationToken cancellationToken) => Task.FromResult(Statistics.HasEntries);

    public Task<CampaignTab?> GetCampaignTabAsync(ReportWindow window, CancellationToken cancellationToken)
    {
        if (!Statistics.HasEntries) return Task.FromResult<CampaignTab?>(null);
        var now = Clock.UtcNow;
        return Task.FromResult<CampaignTab?>(_tabs.Get(window, Statistics.Version, now, () => Build(window, now)));
    }

    /// <summary>
    /// Listed in the campaign directory before its first batch is acknowledged, so every campaign a producer was
    /// told about is listed: one directory write in a campaign's life, remembered in its checkpoint.
    /// </summary>
    protected override Task BeforeApplyAsync() => Statistics.Record.Listed ? Task.CompletedTask : ListAsync();

    private async Task ListAsync()
    {
        var (tenantId, campaignId) = CampaignKey.Split(this.GetPrimaryKeyString());
        try
        {
            await directory.RegisterAsync(tenantId, campaignId, Clock.UtcNow, CancellationToken.None);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Listing campaign {Campaign} in the directory failed; the log delivers the batch again", this.GetPrimaryKeyString());
            throw new StatisticsUnavailableException("The campaign directory did not take the campaign; retry.");
        }
        Statistics.Record.Listed = true;
    }

    private CampaignTab Build(ReportWindow window, DateTimeOffset now)
    {
        var view = ReportViews.Read(Statistics.Statistics, window, now);
        var totals = view.Totals;
        return new CampaignTab(
            ReportViews.SpanOf(view, window),
            Entered: totals[Metric.Entered],
            Excluded: totals[Metric.Excluded],
            Delivered: totals[Metric.Delivered],
            Errors: totals[Metric.Error],
            Channels: [.. Statistics.Channels]);
    }
}
