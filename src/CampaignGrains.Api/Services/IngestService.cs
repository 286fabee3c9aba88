using System.Threading.Channels;
using CampaignGrains.Api.Mapping;
using V1 = CampaignGrains.Api.V1;

namespace CampaignGrains.Api.Services;

/// <summary>
/// Ingest over gRPC: maps the request, hands it to the ingest grain, maps the answer. Bound by hand
/// rather than through the generated base class, to use <see cref="StrictMessages"/> parsers; grpc-dotnet
/// binds only virtual methods declared by the binding type, hence <c>virtual</c>.
/// </summary>
[BindServiceMethod(typeof(IngestService), nameof(BindService))]
internal class IngestService(IGrainFactory grains)
{
    public static void BindService(ServiceBinderBase binder, IngestService? service)
    {
        var descriptor = V1.IngestService.Descriptor;
        binder.AddMethod(StrictMessages.Method(MethodType.Unary, descriptor, nameof(Ingest), V1.IngestRequest.Parser, V1.IngestResponse.Parser),
            (UnaryServerMethod<V1.IngestRequest, V1.IngestResponse>?)(service is null ? null : service.Ingest));
        binder.AddMethod(StrictMessages.Method(MethodType.DuplexStreaming, descriptor, nameof(IngestStream), V1.IngestRequest.Parser, V1.IngestResponse.Parser),
            (DuplexStreamingServerMethod<V1.IngestRequest, V1.IngestResponse>?)(service is null ? null : service.IngestStream));
    }

    private readonly IIngestGrain _ingest = grains.GetGrain<IIngestGrain>(0);

    public virtual Task<V1.IngestResponse> Ingest(V1.IngestRequest request, ServerCallContext context) =>
        IngestAsync(request, Tenancy.Of(context), context);

    /// <summary>
    /// Pipelined: up to <see cref="StreamWindow"/> batches of a stream are ingested at once, and their answers go
    /// out in request order. The first batch-level error ends the stream after the answers before it; batches
    /// read after the failed one may have been applied, and their retries with the same keys are answered
    /// ALREADY_APPLIED.
    /// </summary>
    public virtual async Task IngestStream(IAsyncStreamReader<V1.IngestRequest> requestStream, IServerStreamWriter<V1.IngestResponse> responseStream, ServerCallContext context)
    {
        var tenant = Tenancy.Of(context);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        var answers = System.Threading.Channels.Channel.CreateBounded<Task<V1.IngestResponse>>(StreamWindow);
        var writing = WriteInOrderAsync(answers.Reader, responseStream, stop);
        try
        {
            await foreach (var request in requestStream.ReadAllAsync(stop.Token))
                await answers.Writer.WriteAsync(IngestAsync(request, tenant, context), stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            // The writer stopped at a failed batch: its error, awaited below, is the stream's status.
        }
        finally
        {
            answers.Writer.TryComplete();
        }
        await writing;
    }

    /// <summary>Batches of one stream in flight at once: enough to hide a log commit's latency, few enough to bound a stream's memory.</summary>
    private const int StreamWindow = 16;

    private static async Task WriteInOrderAsync(ChannelReader<Task<V1.IngestResponse>> answers, IServerStreamWriter<V1.IngestResponse> responseStream, CancellationTokenSource stop)
    {
        try
        {
            await foreach (var answer in answers.ReadAllAsync()) await responseStream.WriteAsync(await answer);
        }
        catch
        {
            stop.Cancel();
            throw;
        }
    }

    private async Task<V1.IngestResponse> IngestAsync(V1.IngestRequest request, string tenant, ServerCallContext context)
    {
        var result = await _ingest.IngestAsync(EventMapper.ToBatch(tenant, request), context.CancellationToken);
        return EventMapper.ToResponse(request.IdempotencyKey, request.Events.Count, result);
    }
}
