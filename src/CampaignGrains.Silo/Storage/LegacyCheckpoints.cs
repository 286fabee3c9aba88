using Azure;
using Azure.Data.Tables;
using Orleans.Storage;

namespace CampaignGrains.Silo.Storage;

/// <summary>
/// The records that builds before the grouped checkpoints wrote: one entity per grain in Orleans' Azure Table
/// provider's format, in its own table, read through that provider. In use only while that table holds a
/// record, so a new deployment never pays a second read for a grain that has no record yet.
/// </summary>
internal sealed class LegacyCheckpoints(TableClient table, IGrainStorage provider)
{
    public bool IsInUse { get; private set; }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var _ in table.QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken))
            {
                IsInUse = true;
                break;
            }
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            IsInUse = false; // never created: nothing to migrate
        }
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => provider.ReadStateAsync(stateName, grainId, grainState);
}
