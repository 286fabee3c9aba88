namespace CampaignGrains.Abstractions;

/// <summary>A tenant's campaigns, in campaign id order. Key: the tenant id. A stateless worker over the directory table.</summary>
public interface ICampaignDirectoryGrain : IGrainWithStringKey
{
    /// <summary>Up to <paramref name="pageSize"/> campaigns with ids after <paramref name="afterCampaignId"/> (from the start if null).</summary>
    [ReadOnly]
    Task<CampaignPage> ListAsync(int pageSize, string? afterCampaignId, CancellationToken cancellationToken = default);
}

[GenerateSerializer, Immutable, Alias("campaigngrains.CampaignEntry")]
public sealed record CampaignEntry(
    [property: Id(0)] string CampaignId,
    [property: Id(1)] DateTimeOffset FirstSeen);

/// <param name="HasMore">True when campaigns follow the last one of this page.</param>
[GenerateSerializer, Immutable, Alias("campaigngrains.CampaignPage")]
public sealed record CampaignPage(
    [property: Id(0)] CampaignEntry[] Campaigns,
    [property: Id(1)] bool HasMore)
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 500;
}
