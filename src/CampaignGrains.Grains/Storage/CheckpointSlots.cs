using CampaignGrains.Grains.Log;
using Microsoft.Extensions.Options;

namespace CampaignGrains.Grains.Storage;

/// <summary>
/// The checkpoints one silo writes at once. A checkpoint is a storage write nobody waits for; unbounded, the
/// thousands of grains a fan-out touched all write in the same interval, and the log's appends, which producers
/// do wait for, queue behind them at the storage service. Bounded, checkpoints take turns: under load a grain
/// checkpoints less often than its interval, and the log keeps its entries meanwhile.
/// </summary>
internal sealed class CheckpointSlots(IOptions<IngestLogOptions> options)
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxCheckpointsInFlight);

    public async Task WriteAsync(Func<Task> write)
    {
        await _slots.WaitAsync();
        try
        {
            await write();
        }
        finally
        {
            _slots.Release();
        }
    }
}
