using System.Net.Sockets;
using CampaignGrains.Cli.Connection;
using Grpc.Core;

namespace CampaignGrains.Cli.Failures;

/// <summary>The one place where a gRPC status becomes an exit code and a sentence a person can act on.</summary>
internal static class RpcFailures
{
    public static CliFailure Describe(RpcException exception, ClusterAddress cluster, string requiredScope) => exception.StatusCode switch
    {
        StatusCode.Unavailable when IsConnectionRefused(exception) => new(ExitCodes.Unreachable,
            $"Cannot reach the cluster at {cluster.Address}: connection refused. Start the cluster with ./run.sh, " +
            "or point campaignctl at it with --address or CAMPAIGNCTL_ADDRESS."),
        StatusCode.Unavailable => new(ExitCodes.Unreachable, $"The cluster at {cluster.Address} is unavailable: {exception.Status.Detail}"),
        StatusCode.DeadlineExceeded => new(ExitCodes.Unreachable, $"The cluster at {cluster.Address} did not answer in time: {exception.Status.Detail}"),
        StatusCode.Unauthenticated => new(ExitCodes.NotAuthorized,
            (cluster.HasToken ? "The cluster refused the token (expired, or not signed by a key it trusts)." : "No token: every call needs one.") +
            " Get a development token with: export CAMPAIGNCTL_TOKEN=$(campaignctl token --tenant <tenant>)"),
        StatusCode.PermissionDenied => new(ExitCodes.NotAuthorized,
            $"The token lacks the \"{requiredScope}\" scope. Mint one that has it, e.g. " +
            $"export CAMPAIGNCTL_TOKEN=$(campaignctl token --tenant <tenant> --scopes {requiredScope})"),
        StatusCode.NotFound => new(ExitCodes.CampaignNotFound, $"{exception.Status.Detail} A campaign exists once it has events, and only for the tenant that sent them."),
        StatusCode.InvalidArgument => new(ExitCodes.InvalidInput, $"Invalid input: {exception.Status.Detail}"),
        StatusCode.ResourceExhausted => new(ExitCodes.RateLimited, $"Rate limited: {exception.Status.Detail}"),
        _ => new(ExitCodes.Unexpected, $"The call failed with {exception.StatusCode}: {exception.Status.Detail}"),
    };

    /// <summary>Worth retrying with the same idempotency key: the cluster may take the batch on a later attempt.</summary>
    public static bool IsTransient(RpcException exception) => exception.StatusCode switch
    {
        // Nothing listens there: retrying only delays the advice to start the cluster.
        StatusCode.Unavailable => !IsConnectionRefused(exception),
        StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted => true,
        _ => false,
    };

    private static bool IsConnectionRefused(RpcException exception)
    {
        for (Exception? inner = exception.Status.DebugException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException { SocketErrorCode: SocketError.ConnectionRefused }) return true;
        }
        return false;
    }
}
