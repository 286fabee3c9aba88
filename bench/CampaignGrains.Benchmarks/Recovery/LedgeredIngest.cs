using CampaignGrains.Benchmarks.Ingest;

namespace CampaignGrains.Benchmarks.Recovery;

/// <summary>
/// Closed-loop producers, each event's campaign drawn uniformly from the shape's, that write down batch by batch
/// which events were acknowledged, until told to stop sending. A batch whose call fails (the silo killed under
/// it) is written down as unacknowledged and not retried: a producer would retry it; the measurement counts only
/// what was acknowledged.
/// </summary>
internal static class LedgeredIngest
{
    public static async Task RunAsync(V1.IngestService.IngestServiceClient client, Metadata headers, EventPool pool, IngestShape shape,
        DeliveryLedger ledger, CancellationToken stopSending)
    {
        long sent = 0;

        async Task ProduceAsync(int producer)
        {
            var random = new Random(producer);
            while (!stopSending.IsCancellationRequested)
            {
                var first = Interlocked.Add(ref sent, shape.BatchSize) - shape.BatchSize;
                var events = Enumerable.Range(0, shape.BatchSize).Select(i => pool.Event(first + i, $"replay-c{random.Next(shape.Campaigns)}")).ToArray();
                var request = pool.Batch($"replay-{first}", first, shape.BatchSize, sequence => events[sequence - first].CampaignId);
                try
                {
                    // Not cancelled by stopSending: a call in flight is cut by the kill, as a producer's would be.
                    var response = await client.IngestAsync(request, headers, DateTime.UtcNow.AddMinutes(2), CancellationToken.None);
                    var accepted = response.Results.Where(result => result.Outcome == V1.EventOutcome.Accepted).Select(result => events[result.Index]).ToList();
                    ledger.Acknowledged(accepted, shape.BatchSize);
                }
                catch (RpcException)
                {
                    ledger.Unacknowledged(events);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, shape.Producers).Select(producer => Task.Run(() => ProduceAsync(producer), CancellationToken.None)));
    }
}
