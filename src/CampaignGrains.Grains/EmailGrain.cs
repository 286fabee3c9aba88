using CampaignGrains.Grains.Faults;
using CampaignGrains.Grains.Log;
using CampaignGrains.Grains.Reports;
using CampaignGrains.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignGrains.Grains;

internal sealed class EmailGrain(
    [PersistentState("email", StorageNames.Statistics)] IPersistentState<StatisticsRecord> state,
    StatisticsClock clock,
    IOptions<IngestLogOptions> options,
    KillPoints killPoints,
    ILogger<EmailGrain> logger)
    : StatisticsGrain(state, StatisticsShape.Email, StatisticsGrainKind.Email, clock, options, killPoints, logger), IEmailGrain
{
    private readonly TabCache<EmailTab> _tabs = new();

    public Task<EmailTab> GetEmailTabAsync(ReportWindow window, CancellationToken cancellationToken)
    {
        var now = Clock.UtcNow;
        return Task.FromResult(_tabs.Get(window, Statistics.Version, now, () => EmailReport.Build(ReportViews.Read(Statistics.Statistics, window, now), window)));
    }
}
