using Google.Protobuf;

namespace CampaignGrains.Benchmarks.Stack;

/// <summary>
/// IngestService.Ingest and ReportService.GetEmailTab, bound by hand like the gateway's (only client stubs
/// are generated): each request is parsed in full and dropped; an ingest gets the answer the gateway gives
/// a fully accepted batch, one result per event, so both answers weigh the same.
/// </summary>
[BindServiceMethod(typeof(NoOpServices), nameof(BindService))]
internal class NoOpServices(NoOpResponses responses)
{
    public static void BindService(ServiceBinderBase binder, NoOpServices? service)
    {
        binder.AddMethod(Method(V1.IngestService.Descriptor, "Ingest", V1.IngestRequest.Parser, V1.IngestResponse.Parser),
            (UnaryServerMethod<V1.IngestRequest, V1.IngestResponse>?)(service is null ? null : service.Ingest));
        binder.AddMethod(Method(V1.ReportService.Descriptor, "GetEmailTab", V1.TabRequest.Parser, V1.EmailTab.Parser),
            (UnaryServerMethod<V1.TabRequest, V1.EmailTab>?)(service is null ? null : service.GetEmailTab));
    }

    public virtual Task<V1.IngestResponse> Ingest(V1.IngestRequest request, ServerCallContext context)
    {
        var response = new V1.IngestResponse
        {
            IdempotencyKey = request.IdempotencyKey,
            Outcome = V1.BatchOutcome.Applied,
            Accepted = request.Events.Count,
        };
        for (var index = 0; index < request.Events.Count; index++) response.Results.Add(new V1.EventResult { Index = index, Outcome = V1.EventOutcome.Accepted });
        return Task.FromResult(response);
    }

    public virtual Task<V1.EmailTab> GetEmailTab(V1.TabRequest request, ServerCallContext context) => Task.FromResult(responses.EmailTab);

    private static Method<TRequest, TResponse> Method<TRequest, TResponse>(
        Google.Protobuf.Reflection.ServiceDescriptor service, string name, MessageParser<TRequest> request, MessageParser<TResponse> response)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse> =>
        new(MethodType.Unary, service.FullName, name, Marshaller(request), Marshaller(response));

    // The gateway's marshalling (CampaignGrains.Api's StrictMessages): write into the pipe, parse from the pipe.
    private static Marshaller<T> Marshaller<T>(MessageParser<T> parser) where T : IMessage<T> => Marshallers.Create<T>(
        (message, context) =>
        {
            context.SetPayloadLength(message.CalculateSize());
            message.WriteTo(context.GetBufferWriter());
            context.Complete();
        },
        context => parser.ParseFrom(context.PayloadAsReadOnlySequence()));
}
