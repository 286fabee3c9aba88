using CampaignGrains.Grains.Faults;
using CampaignGrains.Grains.Log;
using CampaignGrains.Grains.Reports;
using CampaignGrains.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignGrains.Grains;

internal sealed class PushGrain(
    [PersistentState("push", StorageNames.Statistics)] IPersistentState<StatisticsRecord> state,
    StatisticsClock clock,
    IOptions<IngestLogOptions> options,
    KillPoints killPoints,
    ILogger<PushGrain> logger)
    : StatisticsGrain(state, StatisticsShape.Push, StatisticsGrainKind.Push, clock, options, killPoints, logger), IPushGrain
{
    private readonly TabCache<PushTab> _tabs = new();

    public Task<PushTab> GetPushTabAsync(ReportWindow window, CancellationToken cancellationToken)
    {
        var now = Clock.UtcNow;
        return Task.FromResult(_tabs.Get(window, Statistics.Version, now, () => PushReport.Build(ReportViews.Read(Statistics.Statistics, window, now), window)));
    }
}
