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

    public virtual async Task IngestStream(IAsyncStreamReader<V1.IngestRequest> requestStream, IServerStreamWriter<V1.IngestResponse> responseStream, ServerCallContext context)
    {
        var tenant = Tenancy.Of(context);
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            await responseStream.WriteAsync(await IngestAsync(request, tenant, context), context.CancellationToken);
        }
    }

    private async Task<V1.IngestResponse> IngestAsync(V1.IngestRequest request, string tenant, ServerCallContext context)
    {
        var result = await _ingest.IngestAsync(EventMapper.ToBatch(tenant, request), context.CancellationToken);
        return EventMapper.ToResponse(request.IdempotencyKey, request.Events.Count, result);
    }
}
