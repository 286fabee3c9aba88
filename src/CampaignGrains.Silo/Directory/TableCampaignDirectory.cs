using Azure;
using Azure.Data.Tables;
using CampaignGrains.Abstractions;
using CampaignGrains.Grains.Directory;

namespace CampaignGrains.Silo.Directory;

/// <summary>
/// The campaign directory in Azure Table storage: one row per campaign, partitioned by tenant, so a
/// tenant's page is one range query ordered by campaign id, starting after the last id of the page before.
/// </summary>
internal sealed class TableCampaignDirectory(TableServiceClient tables) : ICampaignDirectory
{
    public const string TableName = "CampaignDirectory";

    private readonly TableClient _table = tables.GetTableClient(TableName);
    private Task? _creating;

    public async Task RegisterAsync(string tenantId, string campaignId, DateTimeOffset firstSeen, CancellationToken cancellationToken)
    {
        await EnsureTableAsync();
        try
        {
            await _table.AddEntityAsync(new TableEntity(tenantId, campaignId) { ["FirstSeen"] = firstSeen }, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            // Listed already: the first registration's time stands.
        }
    }

    public async Task<CampaignPage> ListAsync(string tenantId, int pageSize, string? afterCampaignId, CancellationToken cancellationToken)
    {
        try
        {
            return await QueryAsync(tenantId, pageSize, afterCampaignId, cancellationToken);
        }
        // The SDK answers an unreachable store with an AggregateException of its retries, a refused request with
        // RequestFailedException: either way storage trouble, which the caller should retry. A cancellation stays one.
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new StatisticsUnavailableException("The campaign directory did not answer; retry later.");
        }
    }

    private async Task<CampaignPage> QueryAsync(string tenantId, int pageSize, string? afterCampaignId, CancellationToken cancellationToken)
    {
        await EnsureTableAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey gt {afterCampaignId ?? ""}");
        var campaigns = new List<CampaignEntry>(pageSize + 1);
        // One more than the page, to know whether another page follows.
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, pageSize + 1, ["RowKey", "FirstSeen"], cancellationToken))
        {
            campaigns.Add(new CampaignEntry(entity.RowKey, entity.GetDateTimeOffset("FirstSeen") ?? default));
            if (campaigns.Count > pageSize) break;
        }
        return new CampaignPage([.. campaigns.Take(pageSize)], campaigns.Count > pageSize);
    }

    /// <summary>Creates the table once; a failed attempt (storage down) is tried again on the next call.</summary>
    private Task EnsureTableAsync()
    {
        if (_creating is not { IsFaulted: false } creating) _creating = creating = _table.CreateIfNotExistsAsync();
        return creating;
    }
}
