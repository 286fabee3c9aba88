namespace CampaignGrains.Abstractions;

/// <summary>A campaign's cross-channel counts and its channels. Key: <see cref="CampaignKey.Of"/>.</summary>
public interface ICampaignGrain : IStatisticsGrain
{
    /// <summary>The Campaign tab, or null if the campaign never received an event.</summary>
    [ReadOnly]
    Task<CampaignTab?> GetCampaignTabAsync(ReportWindow window, CancellationToken cancellationToken = default);

    /// <summary>
    /// True if this campaign applied the key with other content. Asked of every campaign of a batch
    /// spanning several, before any is applied, so a reused key changes none of them.
    /// </summary>
    [ReadOnly]
    Task<bool> IsKeyReusedAsync(ulong keyHash, ulong fingerprint);

    /// <summary>True once the campaign received a batch.</summary>
    [ReadOnly]
    Task<bool> ExistsAsync(CancellationToken cancellationToken = default);
}
