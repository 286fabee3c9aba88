using CampaignGrains.Deployment.Tests.Model;

namespace CampaignGrains.Deployment.Tests;

public class ProbeTests
{
    private const string Live = "/health/live";
    private const string Ready = "/health/ready";

    [Fact]
    public async Task Both_hosts_map_the_live_and_ready_routes_the_probes_use()
    {
        foreach (var host in HostProfile.All)
        {
            var routes = await host.MappedRoutesAsync();

            Assert.Contains(Live, routes);
            Assert.Contains(Ready, routes);
        }
    }

    [Fact]
    public void Readiness_asks_the_ready_route_and_startup_and_liveness_the_live_route_on_the_web_port()
    {
        var containers = K8s.HostContainers.Where(c => c.Deployment.Role == ManifestRole.Resource).ToList();
        Assert.NotEmpty(containers);
        foreach (var container in containers)
        {
            foreach (var (probe, path) in new[] { ("startupProbe", Live), ("readinessProbe", Ready), ("livenessProbe", Live) })
            {
                var get = container.Container.At(probe, "httpGet");
                Assert.True(get is not null, $"{container} has no {probe} with httpGet");
                Assert.Equal(path, get.Text("path"));
                // The gRPC port speaks HTTP/2 only; the kubelet probes with HTTP/1.1.
                var port = get.Text("port");
                Assert.True(port == "web" || (port is not null && container.Ports.GetValueOrDefault("web").ToString(System.Globalization.CultureInfo.InvariantCulture) == port),
                    $"{container}: {probe} is on port {port}, not web");
            }
        }
    }

    [Fact]
    public void Probes_in_patches_keep_the_same_routes()
    {
        foreach (var container in K8s.HostContainers.Where(c => c.Deployment.Role == ManifestRole.Patch))
        {
            Assert.True(container.Container.Text("readinessProbe", "httpGet", "path") is null or Ready, $"{container}: readiness path");
            Assert.True(container.Container.Text("livenessProbe", "httpGet", "path") is null or Live, $"{container}: liveness path");
            Assert.True(container.Container.Text("startupProbe", "httpGet", "path") is null or Live, $"{container}: startup path");
        }
    }

    [Fact]
    public void Readiness_waits_longer_than_the_clusters_own_health_check_timeout()
    {
        // ClusterHealthCheck gives up after its timeout and answers Unhealthy; a shorter probe timeout would cut it off.
        var check = typeof(Api.GatewayOptions).Assembly.GetType("CampaignGrains.Api.Health.ClusterHealthCheck", throwOnError: true)!;
        var timeout = (TimeSpan)check.GetField("Timeout", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.GetValue(null)!;

        Assert.All(K8s.HostContainers.Where(c => c.Deployment.Role == ManifestRole.Resource), container =>
            Assert.True(container.Container.Number("readinessProbe", "timeoutSeconds") > timeout.TotalSeconds,
                $"{container}: readiness timeoutSeconds is not above the health check's {timeout.TotalSeconds} s"));
    }
}
