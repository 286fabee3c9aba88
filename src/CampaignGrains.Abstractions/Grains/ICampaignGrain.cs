namespace CampaignGrains.Abstractions;

/// <summary>A campaign's cross-channel counts and its channels. Key: <see cref="CampaignKey.Of"/>.</summary>
public interface ICampaignGrain : IStatisticsGrain
{
    /// <summary>The Campaign tab, or null if the campaign never received an event.</summary>
    [ReadOnly]
    Task<CampaignTab?> GetCampaignTabAsync(ReportWindow window, CancellationToken cancellationToken = default);

    /// <summary>True once the campaign received a batch.</summary>
    [ReadOnly]
    Task<bool> ExistsAsync(CancellationToken cancellationToken = default);
}
