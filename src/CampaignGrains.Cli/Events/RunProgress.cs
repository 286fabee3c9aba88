namespace CampaignGrains.Cli.Events;

/// <summary>What a run's progress bar shows: how far through its input the run is, in the input's own unit.</summary>
/// <param name="Total">Bytes of the files for an ingest, events generated for a simulation.</param>
/// <param name="Done">Read as each batch completes, from any thread: it must be safe to call concurrently.</param>
internal sealed record RunProgress(string Description, long Total, Func<long> Done);
