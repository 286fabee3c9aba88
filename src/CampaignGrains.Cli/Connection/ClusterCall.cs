using System.CommandLine;
using CampaignGrains.Cli.Failures;
using Grpc.Core;

namespace CampaignGrains.Cli.Connection;

/// <summary>Runs a command's work against the cluster and turns a failed call into a <see cref="CliFailure"/>.</summary>
internal static class ClusterCall
{
    /// <param name="requiredScope">The scope the command's calls need, named when the token lacks it.</param>
    public static async Task<int> RunAsync(
        GlobalOptions global, ParseResult parse, string requiredScope, Func<ClusterConnection, Task<int>> work)
    {
        using var connection = global.Connect(parse);
        try
        {
            return await work(connection);
        }
        catch (RpcException exception) when (exception.StatusCode != StatusCode.Cancelled)
        {
            throw RpcFailures.Describe(exception, connection.Cluster, requiredScope);
        }
    }
}
