using System.Diagnostics;

namespace CampaignGrains.Benchmarks.Ingest;

/// <summary>
/// Events acknowledged per second within the measured window, events the target did not accept, batches it
/// refused whole, and the acknowledgement latency of the batches answered in the window.
/// </summary>
internal sealed record IngestRate(double EventsPerSecond, long Events, long NotAccepted, long FailedBatches, double AckP50Milliseconds, double AckP99Milliseconds);

/// <summary>
/// Closed-loop producers: each sends its next batch as soon as the previous one is acknowledged. Only
/// acknowledgements that arrive inside the window after the warm-up count.
/// </summary>
internal static class IngestLoad
{
    public static async Task<IngestRate> RunAsync(
        V1.IngestService.IngestServiceClient client, Metadata headers, Func<long, V1.IngestRequest> nextBatch,
        int producers, TimeSpan warmup, TimeSpan duration, CancellationToken cancellationToken)
    {
        long sent = -1, events = 0, notAccepted = 0, failed = 0;
        var clock = Stopwatch.StartNew();
        var end = warmup + duration;
        var latencies = new List<double>[producers];

        async Task ProduceAsync(List<double> acks)
        {
            while (clock.Elapsed < end)
            {
                var request = nextBatch(Interlocked.Increment(ref sent));
                var sentAt = clock.Elapsed;
                V1.IngestResponse response;
                try
                {
                    response = await client.IngestAsync(request, headers, DateTime.UtcNow.AddMinutes(2), cancellationToken);
                }
                catch (RpcException exception) when (exception.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
                {
                    // Overloaded: nothing was acknowledged. A producer would retry; the benchmark counts it and goes on.
                    Interlocked.Increment(ref failed);
                    continue;
                }
                var at = clock.Elapsed;
                if (at < warmup || at > end) continue;
                acks.Add((at - sentAt).TotalMilliseconds);
                Interlocked.Add(ref events, response.Accepted);
                Interlocked.Add(ref notAccepted, request.Events.Count - response.Accepted);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, producers).Select(i => Task.Run(() => ProduceAsync(latencies[i] = []), cancellationToken)));
        var acks = latencies.SelectMany(list => list).Order().ToList();
        double Percentile(double p) => acks.Count == 0 ? double.NaN : acks[Math.Min(acks.Count - 1, (int)(p * acks.Count))];
        return new IngestRate(events / duration.TotalSeconds, events, notAccepted, failed, Percentile(0.50), Percentile(0.99));
    }

    /// <summary>
    /// Sends <paramref name="batches"/> with <paramref name="producers"/> in parallel, each batch retried with
    /// its own key while the silo answers UNAVAILABLE, as the API asks producers to; returns the time taken
    /// and the retries.
    /// </summary>
    public static async Task<(TimeSpan Took, long Retries)> SendAllAsync(
        V1.IngestService.IngestServiceClient client, Metadata headers, IReadOnlyList<Func<V1.IngestRequest>> batches, int producers, CancellationToken cancellationToken)
    {
        const int attempts = 5;
        var next = -1;
        long retries = 0;
        var clock = Stopwatch.StartNew();

        async Task ProduceAsync()
        {
            for (var i = Interlocked.Increment(ref next); i < batches.Count; i = Interlocked.Increment(ref next))
            {
                var request = batches[i]();
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        var response = await client.IngestAsync(request, headers, DateTime.UtcNow.AddMinutes(2), cancellationToken);
                        // A retry of a batch whose first attempt became durable answers "duplicate" for every event.
                        if (response.Accepted + response.Duplicates != request.Events.Count)
                            throw new InvalidOperationException($"Batch {request.IdempotencyKey}: {response.Accepted} of {request.Events.Count} events accepted ({response.Rejected} rejected).");
                        break;
                    }
                    catch (RpcException exception) when (exception.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded && attempt < attempts)
                    {
                        Interlocked.Increment(ref retries);
                    }
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, producers).Select(_ => Task.Run(ProduceAsync, cancellationToken)));
        return (clock.Elapsed, retries);
    }
}
