using System.Collections.Concurrent;
using CampaignGrains.Api.V1;
using Grpc.Net.Client;
using Domain = CampaignGrains.Abstractions;

namespace CampaignGrains.Faults.Tests.Harness;

/// <summary>
/// A producer that behaves as the API asks: every batch is sent until it is acknowledged, retried with
/// the same idempotency key after UNAVAILABLE, a deadline or a broken connection, with exponential
/// backoff, each attempt to whichever silo's gateway is up.
/// </summary>
internal sealed class FaultDriver(IReadOnlyList<SiloProcess> silos, string token) : IDisposable
{
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(10);
    private static readonly StatusCode[] Retryable =
        [StatusCode.Unavailable, StatusCode.DeadlineExceeded, StatusCode.Internal, StatusCode.Cancelled, StatusCode.Unknown, StatusCode.ResourceExhausted];

    private readonly GrpcChannel[] _channels = [.. silos.Select(silo => GrpcChannel.ForAddress($"http://127.0.0.1:{silo.GrpcPort}"))];
    private readonly ConcurrentDictionary<StatusCode, int> _retriesByCode = new();
    private int _attempts;
    private int _acknowledged;

    public int Attempts => _attempts;

    public int Acknowledged => _acknowledged;

    public IReadOnlyDictionary<StatusCode, int> RetriesByCode => _retriesByCode;

    public Metadata Headers { get; } = new() { { "authorization", $"Bearer {token}" } };

    /// <summary>Sends every batch, paced so the stream spans <paramref name="duration"/>, and returns once all are acknowledged.</summary>
    public async Task RunAsync(IReadOnlyList<Domain.EventBatch> batches, int producers, TimeSpan duration, CancellationToken cancellationToken)
    {
        var queue = new ConcurrentQueue<Domain.EventBatch>(batches);
        var pace = duration * producers / Math.Max(1, batches.Count);
        await Task.WhenAll(Enumerable.Range(0, producers).Select(async producer =>
        {
            var random = new Random(producer);
            while (queue.TryDequeue(out var batch))
            {
                await SendUntilAcknowledgedAsync(batch.ToIngestRequest(), random, cancellationToken);
                await Task.Delay(pace, cancellationToken);
            }
        }));
    }

    /// <summary>A silo's ingest service, for tests that address one silo.</summary>
    public IngestService.IngestServiceClient Ingest(int silo) => new(_channels[silo]);

    /// <summary>Any running silo's report service, for the verifier.</summary>
    public ReportService.ReportServiceClient Reports(int silo) => new(_channels[silo]);

    private async Task SendUntilAcknowledgedAsync(IngestRequest request, Random random, CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            Interlocked.Increment(ref _attempts);
            var silo = PickRunningSilo(random);
            try
            {
                var response = await new IngestService.IngestServiceClient(_channels[silo])
                    .IngestAsync(request, Headers, DateTime.UtcNow + CallDeadline, cancellationToken);
                if (response.Outcome is not (BatchOutcome.Applied or BatchOutcome.AlreadyApplied))
                    throw new InvalidOperationException($"Batch {request.IdempotencyKey} was answered {response.Outcome}.");
                Interlocked.Increment(ref _acknowledged);
                return;
            }
            catch (RpcException exception) when (Retryable.Contains(exception.StatusCode))
            {
                _retriesByCode.AddOrUpdate(exception.StatusCode, 1, (_, count) => count + 1);
                await Task.Delay(backoff + TimeSpan.FromMilliseconds(random.Next(50)), cancellationToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(2).Ticks));
            }
        }
    }

    private int PickRunningSilo(Random random)
    {
        var running = silos.Where(silo => silo.IsRunning).Select(silo => silo.Index).ToList();
        return running.Count == 0 ? random.Next(silos.Count) : running[random.Next(running.Count)];
    }


    public void Dispose()
    {
        foreach (var channel in _channels) channel.Dispose();
    }
}
