using System.Collections.Concurrent;
using CampaignGrains.Grains.Directory;

namespace CampaignGrains.Grains.Tests.Fixtures;

/// <summary>The campaign directory for grain-logic tests; the Azure Table one is tested on Azurite.</summary>
internal sealed class InMemoryCampaignDirectory : ICampaignDirectory
{
    private readonly ConcurrentDictionary<(string Tenant, string Campaign), DateTimeOffset> _campaigns = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _holds = new();

    /// <summary>Listing the campaign waits until the returned source is completed: its first batch waits with it.</summary>
    public TaskCompletionSource HoldListing(string campaignId) =>
        _holds[campaignId] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task RegisterAsync(string tenantId, string campaignId, DateTimeOffset firstSeen, CancellationToken cancellationToken)
    {
        if (_holds.TryGetValue(campaignId, out var hold)) await hold.Task;
        _campaigns.TryAdd((tenantId, campaignId), firstSeen);
    }

    public Task<CampaignPage> ListAsync(string tenantId, int pageSize, string? afterCampaignId, CancellationToken cancellationToken)
    {
        var page = _campaigns
            .Where(pair => pair.Key.Tenant == tenantId && string.CompareOrdinal(pair.Key.Campaign, afterCampaignId ?? "") > 0)
            .OrderBy(pair => pair.Key.Campaign, StringComparer.Ordinal)
            .Take(pageSize + 1)
            .Select(pair => new CampaignEntry(pair.Key.Campaign, pair.Value))
            .ToList();
        return Task.FromResult(new CampaignPage([.. page.Take(pageSize)], page.Count > pageSize));
    }
}
