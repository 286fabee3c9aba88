using System.Diagnostics.Metrics;

namespace CampaignGrains.Grains;

/// <summary>The grains' instruments, in the "CampaignGrains" meter (exported with Orleans' own "Microsoft.Orleans").</summary>
public static class GrainMetrics
{
    public const string MeterName = "CampaignGrains";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Events answered by ingest, tagged outcome = accepted, duplicate or rejected.</summary>
    public static readonly Counter<long> IngestEvents = Meter.CreateCounter<long>("campaigngrains.ingest.events", "{event}", "Events answered by ingest, by outcome.");

    public static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>("campaigngrains.ingest.batch_size", "{event}", "Events per ingested batch.");

    public static readonly Histogram<double> CheckpointDuration = Meter.CreateHistogram<double>("campaigngrains.grain.checkpoint.duration", "s", "Duration of one statistics grain checkpoint, from its write to its record being durable (waiting for its group's transaction included).");

    public static readonly Histogram<double> CheckpointCommitDuration = Meter.CreateHistogram<double>("campaigngrains.checkpoint.commit.duration", "s", "Duration of one checkpoint storage operation (a group commit of many grains' records).");

    public static readonly Histogram<double> LogCommitDuration = Meter.CreateHistogram<double>("campaigngrains.log.commit.duration", "s", "Duration of one ingest log append (a group commit of many batches).");

    public static readonly Counter<long> LogEntriesAppended = Meter.CreateCounter<long>("campaigngrains.log.appended", "{entry}", "Batches appended to the ingest log.");

    /// <summary>Statistics grains active in this silo.</summary>
    public static readonly UpDownCounter<int> ActiveGrains = Meter.CreateUpDownCounter<int>("campaigngrains.grains.active", "{grain}", "Statistics grains active in this silo.");

    public static void RecordIngest(IngestResult result, int batchSize)
    {
        BatchSize.Record(batchSize);
        IngestEvents.Add(result.Accepted, new KeyValuePair<string, object?>("outcome", "accepted"));
        IngestEvents.Add(result.Duplicates, new KeyValuePair<string, object?>("outcome", "duplicate"));
        IngestEvents.Add(result.Rejected, new KeyValuePair<string, object?>("outcome", "rejected"));
    }
}
