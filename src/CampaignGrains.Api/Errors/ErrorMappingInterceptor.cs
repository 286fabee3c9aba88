using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace CampaignGrains.Api.Errors;

/// <summary>
/// Turns what a grain call can throw into the gRPC status a client can act on, so no foreseeable
/// failure reaches a client as UNKNOWN: bad batches are INVALID_ARGUMENT, an unreachable cluster or
/// storage is UNAVAILABLE (retry with the same key), an expired deadline is DEADLINE_EXCEEDED.
/// </summary>
internal sealed class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Map(exception, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Map(exception, context);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Map(exception, context);
        }
    }

    private RpcException Map(Exception exception, ServerCallContext context)
    {
        switch (exception)
        {
            case InvalidBatchException invalid:
                return GrpcErrors.InvalidArgument(invalid.Field, invalid.Message);
            case StatisticsUnavailableException:
                return GrpcErrors.Unavailable(exception.Message);
            case OperationCanceledException when context.Deadline <= DateTime.UtcNow:
                return new RpcException(new Status(StatusCode.DeadlineExceeded, "The call's deadline passed before the cluster answered; nothing is known to be acknowledged."));
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled."));
            case OrleansException or TimeoutException or OperationCanceledException:
                logger.LogWarning(exception, "Cluster unavailable for {Method}", context.Method);
                return GrpcErrors.Unavailable("The cluster did not answer; nothing was acknowledged. Retry with the same idempotency key.");
            default:
                logger.LogError(exception, "Unexpected failure in {Method}", context.Method);
                return new RpcException(new Status(StatusCode.Internal, "An unexpected error occurred; it has been logged."));
        }
    }
}
