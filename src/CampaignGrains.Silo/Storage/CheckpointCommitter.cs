using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using CampaignGrains.Grains;
using Orleans.Storage;

namespace CampaignGrains.Silo.Storage;

/// <summary>
/// Writes many grains' records per storage operation (group commit, as the ingest log does for batches). Each
/// partition has a queue and at most one transaction in flight; records queued while it runs go together in the
/// next, up to 100 entities and <c>maxTransactionBytes</c>. At most <c>maxCommitsInFlight</c> transactions run
/// at once across partitions, so checkpoints never crowd out the log's appends that producers wait for.
/// <para>
/// A transaction is all or nothing. When one record in it is refused (its ETag no longer matches, or it was
/// inserted meanwhile), each record is written again alone: only that one fails, with
/// <see cref="InconsistentStateException"/>, and the others land. Any other failure fails the whole group; each
/// grain keeps its changes and writes again on its next tick.
/// </para>
/// </summary>
internal sealed class CheckpointCommitter(TableClient table, int maxCommitsInFlight, int maxTransactionBytes)
{
    private const int MaxEntitiesPerTransaction = 100;

    private readonly Dictionary<string, List<PendingWrite>> _queues = [];
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _commits = new(maxCommitsInFlight);

    /// <summary>Queues a record; completes with its new ETag once it is durable. No ETag: the record must be new.</summary>
    public Task<ETag> WriteAsync(TableEntity entity, ETag? etag, int bytes)
    {
        var write = new PendingWrite(entity, etag, bytes);
        bool startLoop;
        lock (_lock)
        {
            startLoop = !_queues.TryGetValue(entity.PartitionKey, out var queue);
            if (startLoop) _queues[entity.PartitionKey] = queue = [];
            queue!.Add(write);
        }
        // Off the calling grain's scheduler: the loop serves every grain of the partition.
        if (startLoop) _ = Task.Run(() => WriteLoopAsync(entity.PartitionKey));
        return write.Completion.Task;
    }

    /// <summary>Runs while the partition has queued records; its queue's presence in the map means a loop runs.</summary>
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

    /// <summary>The oldest queued records that fit one transaction; a row twice in a group waits for the next.</summary>
    private List<PendingWrite> TakeGroup(List<PendingWrite> queue)
    {
        var group = new List<PendingWrite>();
        var rows = new HashSet<string>(StringComparer.Ordinal);
        var bytes = 0;
        foreach (var write in queue)
        {
            if (group.Count == MaxEntitiesPerTransaction) break;
            if (group.Count > 0 && bytes + write.Bytes > maxTransactionBytes) break;
            if (!rows.Add(write.Entity.RowKey)) continue;
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
            GrainMetrics.CheckpointCommitDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
            for (var i = 0; i < group.Count; i++) group[i].Completion.SetResult(responses[i].Headers.ETag ?? ETag.All);
        }
        catch (TableTransactionFailedException) when (group.Count > 1)
        {
            // One record was refused and so was the rest with it: alone, each lands or fails for itself.
            await Task.WhenAll(group.Select(WriteAloneAsync));
        }
        catch (RequestFailedException exception) when (IsConflict(exception))
        {
            group[0].Completion.SetException(Inconsistent(group[0], exception));
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
            var response = write.ETag is { } etag
                ? await table.UpdateEntityAsync(write.Entity, etag, TableUpdateMode.Replace)
                : await table.AddEntityAsync(write.Entity);
            GrainMetrics.CheckpointCommitDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
            write.Completion.SetResult(response.Headers.ETag ?? ETag.All);
        }
        catch (RequestFailedException exception) when (IsConflict(exception))
        {
            write.Completion.SetException(Inconsistent(write, exception));
        }
        catch (Exception exception)
        {
            write.Completion.SetException(exception);
        }
    }

    /// <summary>412: the ETag is stale; 409: a record expected to be new exists; 404: one expected to exist is gone.</summary>
    private static bool IsConflict(RequestFailedException exception) => exception.Status is 404 or 409 or 412;

    private static InconsistentStateException Inconsistent(PendingWrite write, RequestFailedException exception) => new(
        $"The record {write.Entity.RowKey} changed in storage since it was read (status {exception.Status}).",
        write.ETag?.ToString() ?? "(new)", "(changed)", exception);

    private sealed class PendingWrite(TableEntity entity, ETag? etag, int bytes)
    {
        public TableEntity Entity => entity;

        public ETag? ETag => etag;

        public int Bytes => bytes;

        public TableTransactionAction Action => etag is { } match
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, match)
            : new TableTransactionAction(TableTransactionActionType.Add, entity);

        public TaskCompletionSource<ETag> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
