using Azure;
using Azure.Data.Tables;
using CampaignGrains.Abstractions;
using CampaignGrains.Grains.Directory;
using CampaignGrains.Silo.Tables;

namespace CampaignGrains.Silo.Directory;

/// <summary>
/// The campaign directory in Azure Table storage: one row per campaign, partitioned by tenant, so a
/// tenant's page is one range query ordered by campaign id, starting after the last id of the page before.
/// A fan-out over new campaigns lists thousands at once: a tenant's new rows are inserted together, up to 100 a
/// transaction.
/// </summary>
internal sealed class TableCampaignDirectory : ICampaignDirectory
{
    public const string TableName = "CampaignDirectory";

    /// <summary>Insert transactions in flight at once; rows queued meanwhile group up.</summary>
    private const int MaxCommitsInFlight = 4;

    private readonly TableClient _table;
    private readonly TableGroupCommit _inserts;
    private Task? _creating;

    public TableCampaignDirectory(TableServiceClient tables)
    {
        _table = tables.GetTableClient(TableName);
        _inserts = new TableGroupCommit(_table, MaxCommitsInFlight, maxTransactionBytes: 512 * 1024);
    }

    public async Task RegisterAsync(string tenantId, string campaignId, DateTimeOffset firstSeen, CancellationToken cancellationToken)
    {
        await EnsureTableAsync();
        try
        {
            var row = new TableEntity(tenantId, campaignId) { ["FirstSeen"] = firstSeen };
            await _inserts.WriteAsync(new TableTransactionAction(TableTransactionActionType.Add, row), tenantId.Length + campaignId.Length + 64).WaitAsync(cancellationToken);
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
