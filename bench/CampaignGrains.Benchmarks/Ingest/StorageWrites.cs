using System.Diagnostics.Metrics;
using CampaignGrains.Grains;

namespace CampaignGrains.Benchmarks.Ingest;

/// <summary>
/// Counts the silo's storage writes as its own instruments record them: log appends (each a group commit of many
/// batches), checkpoint transactions (each a group commit of many grains' records) and the grain checkpoints they
/// carried. The silo runs in this process, so a listener sees them all.
/// </summary>
internal sealed class StorageWrites : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _appends;
    private long _checkpointCommits;
    private long _checkpoints;

    public StorageWrites()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GrainMetrics.MeterName && instrument.Name is AppendInstrument or CheckpointCommitInstrument or CheckpointInstrument)
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>((instrument, _, _, _) =>
        {
            if (instrument.Name == AppendInstrument) Interlocked.Increment(ref _appends);
            else if (instrument.Name == CheckpointCommitInstrument) Interlocked.Increment(ref _checkpointCommits);
            else Interlocked.Increment(ref _checkpoints);
        });
        _listener.Start();
    }

    private const string AppendInstrument = "campaigngrains.log.commit.duration";
    private const string CheckpointCommitInstrument = "campaigngrains.checkpoint.commit.duration";
    private const string CheckpointInstrument = "campaigngrains.grain.checkpoint.duration";

    public (long Appends, long CheckpointCommits, long Checkpoints) Snapshot() =>
        (Interlocked.Read(ref _appends), Interlocked.Read(ref _checkpointCommits), Interlocked.Read(ref _checkpoints));

    public void Dispose() => _listener.Dispose();
}
