namespace CampaignGrains.Abstractions;

/// <summary>A campaign's push statistics. Key: <see cref="CampaignKey.Of"/>.</summary>
public interface IPushGrain : IStatisticsGrain
{
    /// <summary>The Push tab (zeros if the campaign sent no push).</summary>
    [ReadOnly]
    Task<PushTab> GetPushTabAsync(ReportWindow window, CancellationToken cancellationToken = default);
}
