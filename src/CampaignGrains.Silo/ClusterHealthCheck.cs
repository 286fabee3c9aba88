using CampaignGrains.Abstractions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CampaignGrains.Silo;

/// <summary>Ready while a grain call round-trips through the cluster (and its storage for activation).</summary>
internal sealed class ClusterHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await grains.GetGrain<ICampaignGrain>(CampaignKey.Of("health", "probe"))
                .GetCampaignTabAsync(ReportWindow.AllTime)
                .WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception)
        {
            return HealthCheckResult.Unhealthy("The cluster did not answer a grain call.", exception);
        }
    }
}
