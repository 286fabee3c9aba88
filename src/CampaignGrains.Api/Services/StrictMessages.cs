using Google.Protobuf;

namespace CampaignGrains.Api.Services;

/// <summary>
/// Method descriptors whose request parser answers a malformed message (bad wire format, invalid UTF-8,
/// a surrogate encoded as UTF-8) with INVALID_ARGUMENT. The generated ones throw a parse exception that
/// grpc-dotnet reports as UNKNOWN, before any interceptor could map it.
/// </summary>
internal static class StrictMessages
{
    public static Method<TRequest, TResponse> Method<TRequest, TResponse>(
        MethodType type, Google.Protobuf.Reflection.ServiceDescriptor service, string name, MessageParser<TRequest> request, MessageParser<TResponse> response)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse> =>
        new(type, service.FullName, name, Marshaller(request), Marshaller(response));

    private static Marshaller<T> Marshaller<T>(MessageParser<T> parser) where T : IMessage<T> => Marshallers.Create<T>(
        (message, context) =>
        {
            context.SetPayloadLength(message.CalculateSize());
            message.WriteTo(context.GetBufferWriter());
            context.Complete();
        },
        context =>
        {
            try
            {
                return parser.ParseFrom(context.PayloadAsReadOnlySequence());
            }
            catch (InvalidProtocolBufferException exception)
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, $"The request is not a valid {typeof(T).Name} message: {exception.Message}"));
            }
        });
}
