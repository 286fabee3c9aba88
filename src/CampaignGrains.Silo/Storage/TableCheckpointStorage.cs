using Azure;
using Azure.Data.Tables;
using CampaignGrains.Silo.Tables;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace CampaignGrains.Silo.Storage;

/// <summary>
/// The statistics grains' checkpoints in Azure Table storage, many grains' records per entity-group transaction
/// (<see cref="TableGroupCommit"/>): a fan-out over thousands of campaigns makes thousands of grains
/// checkpoint every interval, and one storage operation per grain would saturate the store long before the
/// log's appends do. Reads are point reads of one entity (<see cref="CheckpointEntity"/>). Concurrency is
/// optimistic, by ETag, as Orleans' own providers do: a write whose record changed in storage since this
/// activation read it fails with <see cref="InconsistentStateException"/>.
/// <para>
/// A deployment that ran a build before this one holds its records in Orleans' Azure Table provider's table
/// (<see cref="LegacyCheckpoints"/>). While that table holds any record, a grain with no record here reads its
/// old one from there; its first checkpoint writes it here.
/// </para>
/// </summary>
internal sealed class TableCheckpointStorage(
    TableClient table,
    string serviceId,
    int partitions,
    TableGroupCommit commit,
    IGrainStorageSerializer serializer,
    LegacyCheckpoints legacy,
    ILogger<TableCheckpointStorage> logger)
    : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(TableCheckpointStorage), ServiceLifecycleStage.ApplicationServices, InitializeAsync);

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await table.CreateIfNotExistsAsync(cancellationToken);
        await legacy.InitializeAsync(cancellationToken);
        logger.LogInformation("Checkpoints in table {Table}, {Partitions} partitions; earlier builds' records {Legacy}",
            table.Name, partitions, legacy.IsInUse ? "are read where a grain has none here" : "are absent");
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(PartitionKey(grainId), CheckpointEntity.RowKey(stateName, grainId));
        if (row.HasValue && row.Value is { } entity)
        {
            grainState.State = serializer.Deserialize<T>(CheckpointEntity.Record(entity));
            grainState.ETag = entity.ETag.ToString();
            grainState.RecordExists = true;
            return;
        }
        if (legacy.IsInUse)
        {
            await legacy.ReadStateAsync(stateName, grainId, grainState);
            // Not in this table yet: the first write inserts it here.
            grainState.ETag = null;
            return;
        }
        Empty(grainState);
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var record = serializer.Serialize(grainState.State).ToMemory();
        var entity = CheckpointEntity.Create(PartitionKey(grainId), CheckpointEntity.RowKey(stateName, grainId), record);
        var action = grainState.ETag is { } current
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, new ETag(current))
            : new TableTransactionAction(TableTransactionActionType.Add, entity);
        try
        {
            grainState.ETag = (await commit.WriteAsync(action, record.Length)).ToString();
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 409 or 412)
        {
            throw Inconsistent(grainId, grainState.ETag, exception);
        }
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (grainState.ETag is { } current)
        {
            try
            {
                await table.DeleteEntityAsync(PartitionKey(grainId), CheckpointEntity.RowKey(stateName, grainId), new ETag(current));
            }
            catch (RequestFailedException exception) when (exception.Status is 404 or 412)
            {
                throw Inconsistent(grainId, current, exception);
            }
        }
        Empty(grainState);
    }

    private static void Empty<T>(IGrainState<T> grainState)
    {
        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    /// <summary>412: the ETag is stale; 409: a record expected to be new exists; 404: one expected to exist is gone.</summary>
    private static InconsistentStateException Inconsistent(GrainId grainId, string? etag, RequestFailedException exception) => new(
        $"The record of {grainId} changed in storage since this activation read it (status {exception.Status}).", etag ?? "(none)", "(changed)", exception);

    private string PartitionKey(GrainId grainId) => CheckpointEntity.PartitionKey(serviceId, grainId, partitions);
}
