namespace CampaignGrains.Grains.Directory;

/// <summary>
/// Where campaigns are listed per tenant. Outside grain state on purpose: a tenant's campaign count
/// has no bound, so no single grain record could hold the list.
/// </summary>
public interface ICampaignDirectory
{
    /// <summary>Adds the campaign if it is not listed yet; safe to repeat.</summary>
    Task RegisterAsync(string tenantId, string campaignId, DateTimeOffset firstSeen, CancellationToken cancellationToken = default);

    Task<CampaignPage> ListAsync(string tenantId, int pageSize, string? afterCampaignId, CancellationToken cancellationToken = default);
}
