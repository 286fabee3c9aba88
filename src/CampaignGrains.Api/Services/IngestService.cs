using CampaignGrains.Api.Mapping;
using V1 = CampaignGrains.Api.V1;

namespace CampaignGrains.Api.Services;

/// <summary>Ingest over gRPC: maps the request, hands it to the ingest grain, maps the answer.</summary>
internal sealed class IngestService(IGrainFactory grains) : V1.IngestService.IngestServiceBase
{
    private readonly IIngestGrain _ingest = grains.GetGrain<IIngestGrain>(0);

    public override Task<V1.IngestResponse> Ingest(V1.IngestRequest request, ServerCallContext context) =>
        IngestAsync(request, Tenancy.Of(context), context);

    public override async Task IngestStream(IAsyncStreamReader<V1.IngestRequest> requestStream, IServerStreamWriter<V1.IngestResponse> responseStream, ServerCallContext context)
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
