using System.Diagnostics.CodeAnalysis;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;

namespace CampaignGrains.Api.Errors;

/// <summary>The errors handlers throw, with the google.rpc details clients can read.</summary>
internal static class GrpcErrors
{
    [DoesNotReturn]
    public static void ThrowInvalidArgument(string field, string description) => throw InvalidArgument(field, description);

    public static RpcException InvalidArgument(string field, string description) => new Google.Rpc.Status
    {
        Code = (int)Code.InvalidArgument,
        Message = $"{field} {description}",
        Details =
        {
            Any.Pack(new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = field, Description = description } } }),
        },
    }.ToRpcException();

    [DoesNotReturn]
    public static void ThrowCampaignNotFound(string campaignId) =>
        throw new RpcException(new Grpc.Core.Status(StatusCode.NotFound, $"Campaign '{campaignId}' has no events."));

    public static RpcException Unavailable(string message) => new Google.Rpc.Status
    {
        Code = (int)Code.Unavailable,
        Message = message,
        Details = { Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(TimeSpan.FromSeconds(1)) }) },
    }.ToRpcException();
}
