using CampaignGrains.Benchmarks.Output;
using CampaignGrains.Benchmarks.Stack;

namespace CampaignGrains.Benchmarks.Ingest;

/// <summary>
/// Durable ingest through the gateway against the no-op sink, for each load shape, with the identical
/// requests: events spread uniformly over the shape's campaigns, as a sending service mixing campaigns
/// would batch them.
/// </summary>
internal sealed class IngestMatrix(SiloUnderTest silo, NoOpSink sink, EventPool pool, BenchmarkSettings settings, MarkdownReport report)
{
    /// <summary>Distinct request bodies per shape, sent round robin with fresh idempotency keys.</summary>
    private const int Templates = 16;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        for (var index = 0; index < settings.IngestShapes.Count; index++)
        {
            var shape = settings.IngestShapes[index];
            var templates = Build(shape, $"m{index}");
            V1.IngestRequest Next(long n) => new() { IdempotencyKey = $"m{index}-{Guid.NewGuid():N}", Events = { templates[n % Templates] } };

            // Every campaign gets its first event before the measured load, timed on its own: a tracking service's
            // campaigns exist before it mixes them, and the window then measures the steady state.
            var firstTouch = await IngestLoad.SendAllAsync(new V1.IngestService.IngestServiceClient(silo.Channel), silo.Headers,
                FirstTouch(shape, $"m{index}"), shape.Producers, cancellationToken);

            using var writes = new StorageWrites();
            var ours = await IngestLoad.RunAsync(new V1.IngestService.IngestServiceClient(silo.Channel), silo.Headers, Next,
                shape.Producers, settings.IngestWarmup, settings.IngestDuration, cancellationToken);
            var (appends, checkpointCommits, checkpoints) = writes.Snapshot();
            var seconds = (settings.IngestWarmup + settings.IngestDuration).TotalSeconds;
            // Work the silo gave up on is dropped only once the two-minute fan-out timeout has passed.
            if (ours.FailedBatches > 0) await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
            var limit = await IngestLoad.RunAsync(new V1.IngestService.IngestServiceClient(sink.Channel), silo.Headers, Next,
                shape.Producers, settings.IngestWarmup, settings.SinkDuration, cancellationToken);
            if (ours.NotAccepted > 0) report.Note($"Ingest shape {index}: {ours.NotAccepted} events were not accepted by the gateway.");

            var failures = ours.FailedBatches > 0 ? $" ({Figures.Count(ours.FailedBatches)} batches UNAVAILABLE or past their deadline)" : "";
            report.Add(new ResultRow("Ingest",
                $"batch {Figures.Count(shape.BatchSize)}, {Figures.Count(shape.Campaigns)} campaigns, {shape.Producers} producers ({shape.Varies})",
                $"{Figures.Rate(ours.EventsPerSecond)}{failures}; ack p50 {Figures.Millis(ours.AckP50Milliseconds)}, p99 {Figures.Millis(ours.AckP99Milliseconds)}; " +
                $"storage writes {appends / seconds:N0}/s log + {checkpointCommits / seconds:N0}/s checkpoint transactions " +
                $"({checkpoints / seconds:N0} grain checkpoints/s); " +
                $"first event of each campaign before it: {Figures.Seconds(firstTouch.Took)}",
                $"no-op sink {Figures.Rate(limit.EventsPerSecond)}",
                limit.EventsPerSecond > 0 ? Figures.Ratio(ours.EventsPerSecond / limit.EventsPerSecond) : "n/a", shape.Target));
        }
    }

    /// <summary>One event for every campaign of the shape, in the shape's batch size.</summary>
    private List<Func<V1.IngestRequest>> FirstTouch(IngestShape shape, string prefix) =>
    [
        .. Enumerable.Range(0, (shape.Campaigns + shape.BatchSize - 1) / shape.BatchSize).Select(b => (Func<V1.IngestRequest>)(() =>
            pool.Batch($"{prefix}-first-{b}", (long)b * shape.BatchSize, Math.Min(shape.BatchSize, shape.Campaigns - b * shape.BatchSize),
                sequence => $"{prefix}-c{sequence}"))),
    ];

    private V1.DeliveryEvent[][] Build(IngestShape shape, string prefix)
    {
        var random = new Random(shape.BatchSize + shape.Campaigns + shape.Producers);
        var templates = new V1.DeliveryEvent[Templates][];
        for (var t = 0; t < Templates; t++)
        {
            var first = (long)t * shape.BatchSize;
            templates[t] = [.. Enumerable.Range(0, shape.BatchSize).Select(i => pool.ToWire(first + i, $"{prefix}-c{random.Next(shape.Campaigns)}"))];
        }
        return templates;
    }
}
