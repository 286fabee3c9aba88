namespace CampaignGrains.Abstractions;

/// <summary>A tenant's campaigns, in campaign id order. Key: the tenant id. A stateless worker over the directory table.</summary>
public interface ICampaignDirectoryGrain : IGrainWithStringKey
{
    /// <summary>One page; pass the previous page's <see cref="CampaignPage.NextPageToken"/> for the next.</summary>
    [ReadOnly]
    Task<CampaignPage> ListAsync(int pageSize, string? pageToken, CancellationToken cancellationToken = default);
}

[GenerateSerializer, Immutable, Alias("campaigngrains.CampaignEntry")]
public sealed record CampaignEntry(
    [property: Id(0)] string CampaignId,
    [property: Id(1)] DateTimeOffset FirstSeen);

/// <param name="NextPageToken">Null on the last page.</param>
[GenerateSerializer, Immutable, Alias("campaigngrains.CampaignPage")]
public sealed record CampaignPage(
    [property: Id(0)] CampaignEntry[] Campaigns,
    [property: Id(1)] string? NextPageToken)
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 500;
}
