using Azure.Data.Tables;

namespace CampaignGrains.Silo.Tables;

/// <summary>
/// Reads many callers' entities per storage operation: point reads queued for one partition while a query runs go
/// together in the next, one query for up to <see cref="MaxRowsPerQuery"/> row keys. A fan-out over new campaigns,
/// or the restart after a crash, activates thousands of grains at once, each reading its record; a query for
/// fourteen of them costs the store about what one point read does.
/// </summary>
internal sealed class TableGroupRead(TableClient table, int maxQueriesInFlight)
{
    /// <summary>Azure Table storage allows 15 comparisons in a filter: the partition key's and fourteen row keys'.</summary>
    public const int MaxRowsPerQuery = 14;

    private readonly Dictionary<string, List<PendingRead>> _queues = [];
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _queries = new(maxQueriesInFlight);

    /// <summary>The entity, or null if the partition has no such row.</summary>
    public Task<TableEntity?> ReadAsync(string partitionKey, string rowKey)
    {
        var read = new PendingRead(rowKey);
        bool startLoop;
        lock (_lock)
        {
            startLoop = !_queues.TryGetValue(partitionKey, out var queue);
            if (startLoop) _queues[partitionKey] = queue = [];
            queue!.Add(read);
        }
        // Off the caller's scheduler (a grain's): the loop serves every caller of the partition.
        if (startLoop) _ = Task.Run(() => ReadLoopAsync(partitionKey));
        return read.Completion.Task;
    }

    /// <summary>Runs while the partition has queued reads; its queue's presence in the map means a loop runs.</summary>
    private async Task ReadLoopAsync(string partition)
    {
        while (true)
        {
            await _queries.WaitAsync();
            try
            {
                List<PendingRead> group;
                lock (_lock)
                {
                    group = TakeGroup(_queues[partition]);
                    if (group.Count == 0)
                    {
                        _queues.Remove(partition);
                        return;
                    }
                }
                await QueryAsync(partition, group);
            }
            finally
            {
                _queries.Release();
            }
        }
    }

    /// <summary>The oldest queued reads of at most <see cref="MaxRowsPerQuery"/> distinct rows; reads of the same row share the answer.</summary>
    private static List<PendingRead> TakeGroup(List<PendingRead> queue)
    {
        var rows = new HashSet<string>(StringComparer.Ordinal);
        var group = new List<PendingRead>();
        foreach (var read in queue)
        {
            if (!rows.Contains(read.RowKey))
            {
                if (rows.Count == MaxRowsPerQuery) continue;
                rows.Add(read.RowKey);
            }
            group.Add(read);
        }
        foreach (var read in group) queue.Remove(read);
        return group;
    }

    private async Task QueryAsync(string partition, List<PendingRead> group)
    {
        try
        {
            var rows = group.Select(read => read.RowKey).Distinct(StringComparer.Ordinal).ToList();
            var filter = $"{TableClient.CreateQueryFilter($"PartitionKey eq {partition}")} and ({string.Join(" or ", rows.Select(row => TableClient.CreateQueryFilter($"RowKey eq {row}")))})";
            var found = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
            await foreach (var entity in table.QueryAsync<TableEntity>(filter)) found[entity.RowKey] = entity;
            foreach (var read in group) read.Completion.SetResult(found.GetValueOrDefault(read.RowKey));
        }
        catch (Exception exception)
        {
            foreach (var read in group) read.Completion.SetException(exception);
        }
    }

    private sealed record PendingRead(string RowKey)
    {
        public TaskCompletionSource<TableEntity?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
