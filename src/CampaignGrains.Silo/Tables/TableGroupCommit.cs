using System.Diagnostics;
using System.Diagnostics.Metrics;
using Azure;
using Azure.Data.Tables;

namespace CampaignGrains.Silo.Tables;

/// <summary>
/// Writes many callers' entities per storage operation (group commit, as the ingest log does for batches). Each
/// partition has a queue and at most one transaction in flight; entities queued while it runs go together in the
/// next, up to 100 and <c>maxTransactionBytes</c>. At most <c>maxCommitsInFlight</c> transactions run at once
/// across partitions, so these writes never crowd out the log's appends that producers wait for.
/// <para>
/// A transaction is all or nothing. When one entity in it is refused (a stale ETag, an insert of a key that
/// exists), each entity of the group is written again alone: only that one fails, with the storage service's
/// <see cref="RequestFailedException"/>, and the others land. Any other failure fails the whole group.
/// </para>
/// </summary>
internal sealed class TableGroupCommit(TableClient table, int maxCommitsInFlight, int maxTransactionBytes, Histogram<double>? commitDuration = null)
{
    private const int MaxEntitiesPerTransaction = 100;

    private readonly Dictionary<string, List<PendingWrite>> _queues = [];
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _commits = new(maxCommitsInFlight);

    /// <summary>
    /// Queues an insert (<see cref="TableTransactionActionType.Add"/>) or an ETag-checked replace
    /// (<see cref="TableTransactionActionType.UpdateReplace"/>); completes with the entity's new ETag once it is durable.
    /// </summary>
    public Task<ETag> WriteAsync(TableTransactionAction action, int bytes)
    {
        if (action.ActionType is not (TableTransactionActionType.Add or TableTransactionActionType.UpdateReplace))
            throw new ArgumentException($"Only inserts and replaces are grouped, not {action.ActionType}.", nameof(action));
        var write = new PendingWrite(action, bytes);
        var partition = action.Entity.PartitionKey;
        bool startLoop;
        lock (_lock)
        {
            startLoop = !_queues.TryGetValue(partition, out var queue);
            if (startLoop) _queues[partition] = queue = [];
            queue!.Add(write);
        }
        // Off the caller's scheduler (a grain's): the loop serves every caller of the partition.
        if (startLoop) _ = Task.Run(() => WriteLoopAsync(partition));
        return write.Completion.Task;
    }

    /// <summary>Runs while the partition has queued entities; its queue's presence in the map means a loop runs.</summary>
    private async Task WriteLoopAsync(string partition)
    {
        while (true)
        {
            await _commits.WaitAsync();
            try
            {
                List<PendingWrite> group;
                lock (_lock)
                {
                    group = TakeGroup(_queues[partition]);
                    if (group.Count == 0)
                    {
                        _queues.Remove(partition);
                        return;
                    }
                }
                await CommitAsync(group);
            }
            finally
            {
                _commits.Release();
            }
        }
    }

    /// <summary>The oldest queued entities that fit one transaction; a row twice in a group waits for the next.</summary>
    private List<PendingWrite> TakeGroup(List<PendingWrite> queue)
    {
        var group = new List<PendingWrite>();
        var rows = new HashSet<string>(StringComparer.Ordinal);
        var bytes = 0;
        foreach (var write in queue)
        {
            if (group.Count == MaxEntitiesPerTransaction) break;
            if (group.Count > 0 && bytes + write.Bytes > maxTransactionBytes) break;
            if (!rows.Add(write.Action.Entity.RowKey)) continue;
            group.Add(write);
            bytes += write.Bytes;
        }
        foreach (var write in group) queue.Remove(write);
        return group;
    }

    private async Task CommitAsync(List<PendingWrite> group)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var responses = (await table.SubmitTransactionAsync(group.Select(write => write.Action))).Value;
            commitDuration?.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
            for (var i = 0; i < group.Count; i++) group[i].Completion.SetResult(responses[i].Headers.ETag ?? ETag.All);
        }
        catch (TableTransactionFailedException) when (group.Count > 1)
        {
            // One entity was refused and so was the rest with it: alone, each lands or fails for itself.
            await Task.WhenAll(group.Select(WriteAloneAsync));
        }
        catch (Exception exception)
        {
            foreach (var write in group) write.Completion.SetException(exception);
        }
    }

    private async Task WriteAloneAsync(PendingWrite write)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var entity = write.Action.Entity;
            var response = write.Action.ActionType == TableTransactionActionType.Add
                ? await table.AddEntityAsync(entity)
                : await table.UpdateEntityAsync(entity, write.Action.ETag, TableUpdateMode.Replace);
            commitDuration?.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
            write.Completion.SetResult(response.Headers.ETag ?? ETag.All);
        }
        catch (Exception exception)
        {
            write.Completion.SetException(exception);
        }
    }

    private sealed record PendingWrite(TableTransactionAction Action, int Bytes)
    {
        public TaskCompletionSource<ETag> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
