namespace CampaignGrains.Abstractions;

/// <summary>A campaign's email statistics. Key: <see cref="CampaignKey.Of"/>.</summary>
public interface IEmailGrain : IStatisticsGrain
{
    /// <summary>The Email tab (zeros if the campaign sent no email).</summary>
    [ReadOnly]
    Task<EmailTab> GetEmailTabAsync(ReportWindow window, CancellationToken cancellationToken = default);
}
