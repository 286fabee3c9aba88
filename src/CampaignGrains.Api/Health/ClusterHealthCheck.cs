using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CampaignGrains.Api.Health;

/// <summary>Healthy while a grain call round-trips through the cluster (and its storage, on activation).</summary>
internal sealed class ClusterHealthCheck(IGrainFactory grains) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            await grains.GetGrain<ICampaignGrain>(CampaignKey.Of("health", "probe"))
                .ExistsAsync(timeout.Token)
                .WaitAsync(timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The cluster did not answer a grain call.", exception);
        }
    }
}
