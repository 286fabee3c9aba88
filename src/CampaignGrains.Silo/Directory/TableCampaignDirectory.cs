using Azure;
using Azure.Data.Tables;
using CampaignGrains.Abstractions;
using CampaignGrains.Grains.Directory;

namespace CampaignGrains.Silo.Directory;

/// <summary>
/// The campaign directory in Azure Table storage: one row per campaign, partitioned by tenant, so a
/// tenant's page is one range query ordered by campaign id and a page token is the table's own
/// continuation token.
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

    public async Task<CampaignPage> ListAsync(string tenantId, int pageSize, string? pageToken, CancellationToken cancellationToken)
    {
        await EnsureTableAsync();
        var query = _table.QueryAsync<TableEntity>(entity => entity.PartitionKey == tenantId, pageSize, select: ["RowKey", "FirstSeen"], cancellationToken);
        await foreach (var page in query.AsPages(pageToken, pageSize))
        {
            return new CampaignPage(
                [.. page.Values.Select(entity => new CampaignEntry(entity.RowKey, entity.GetDateTimeOffset("FirstSeen") ?? default))],
                page.ContinuationToken);
        }
        return new CampaignPage([], null);
    }

    /// <summary>Creates the table once; a failed attempt (storage down) is tried again on the next call.</summary>
    private Task EnsureTableAsync()
    {
        if (_creating is not { IsFaulted: false } creating) _creating = creating = _table.CreateIfNotExistsAsync();
        return creating;
    }
}
