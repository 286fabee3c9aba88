using CampaignGrains.Api.V1;
using CampaignGrains.Cli.Connection;
using CampaignGrains.Cli.Failures;
using Grpc.Core;

namespace CampaignGrains.Cli.Events;

/// <summary>
/// Sends a batch and retries transient failures with the SAME idempotency key: the server counts a
/// batch once however often it arrives, so a retry can never double count.
/// </summary>
internal sealed class BatchSender(ClusterConnection connection, int retries)
{
    /// <summary>The trailer a rate-limited answer carries: how long to wait before the next attempt.</summary>
    public const string RetryAfterTrailer = "retry-after-ms";

    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    public async Task<IngestResponse> SendAsync(OutgoingBatch batch, CancellationToken cancellationToken)
    {
        var request = new IngestRequest { IdempotencyKey = batch.IdempotencyKey, Events = { batch.Events.Select(sourced => sourced.Event) } };
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await connection.Ingest.IngestAsync(request, connection.Call(cancellationToken));
            }
            catch (RpcException exception) when (attempt < retries && RpcFailures.IsTransient(exception))
            {
                await Task.Delay(Delay(exception, attempt), cancellationToken);
            }
        }
    }

    private static TimeSpan Delay(RpcException exception, int attempt) =>
        exception.Trailers.GetValue(RetryAfterTrailer) is { } text && long.TryParse(text, out var milliseconds) && milliseconds >= 0
            ? TimeSpan.FromMilliseconds(milliseconds)
            : TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, FirstBackoff.Ticks << Math.Min(attempt, 16)));
}
