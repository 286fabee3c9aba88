using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core.Interceptors;

namespace CampaignGrains.Api.Security;

/// <summary>
/// Applies the tenant's rate limit before a call reaches any grain. An exhausted tenant gets
/// RESOURCE_EXHAUSTED with a retry-after-ms trailer and google.rpc.RetryInfo; not HTTP 429, which gRPC
/// clients would read as a retryable UNAVAILABLE. Streamed ingest pays one permit per batch.
/// </summary>
internal sealed class RateLimitInterceptor(TenantRateLimiter limiter) : Interceptor
{
    public const string RetryAfterTrailer = "retry-after-ms";

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Acquire(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Acquire(context);
        return continuation(request, responseStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        continuation(new LimitedReader<TRequest>(requestStream, () => Acquire(context)), responseStream, context);

    private void Acquire(ServerCallContext context)
    {
        // Unauthenticated calls never get here with a tenant; health and reflection are not limited.
        if (context.GetHttpContext().User.Identity?.Name is not { } tenant) return;
        var ingest = context.Method.StartsWith("/campaigngrains.v1.IngestService/", StringComparison.Ordinal);
        if (!ingest && !context.Method.StartsWith("/campaigngrains.v1.ReportService/", StringComparison.Ordinal)) return;
        if (limiter.TryAcquire(tenant, ingest, out var retryAfter)) return;

        var exception = new Google.Rpc.Status
        {
            Code = (int)Code.ResourceExhausted,
            Message = $"The tenant's {(ingest ? "ingest" : "read")} rate limit is reached; retry after {retryAfter.TotalMilliseconds:0} ms.",
            Details = { Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(retryAfter) }) },
        }.ToRpcException();
        exception.Trailers.Add(RetryAfterTrailer, ((long)Math.Ceiling(retryAfter.TotalMilliseconds)).ToString());
        throw exception;
    }

    private sealed class LimitedReader<T>(IAsyncStreamReader<T> inner, Action acquire) : IAsyncStreamReader<T>
    {
        public T Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            if (!await inner.MoveNext(cancellationToken)) return false;
            acquire();
            return true;
        }
    }
}
