using CampaignGrains.Deployment.Tests.Model;
using CampaignGrains.Silo;
using Microsoft.Extensions.Configuration;

namespace CampaignGrains.Deployment.Tests;

public class PortTests
{
    /// <summary>Each overlay that runs the container, with the environment the container gets there.</summary>
    private static IEnumerable<(Kustomization Overlay, string Environment, IReadOnlyDictionary<string, string> Env)> Builds(HostContainer container) =>
        K8s.Overlays.Select(overlay => (overlay, env: K8s.EnvironmentIn(overlay, container)))
            .Where(build => build.env is not null)
            .Select(build => (build.overlay, build.env!.GetValueOrDefault("ASPNETCORE_ENVIRONMENT", "Production"), build.env!));

    [Fact]
    public void Grpc_and_web_container_ports_are_the_ports_the_gateway_listens_on()
    {
        var containers = K8s.HostContainers.Where(c => c.Deployment.Role == ManifestRole.Resource).ToList();
        Assert.Contains(containers, c => c.Host == HostProfile.Silo);
        Assert.Contains(containers, c => c.Host == HostProfile.Gateway);

        foreach (var container in containers)
        {
            Assert.NotEmpty(Builds(container));
            foreach (var (overlay, environment, env) in Builds(container))
            {
                var options = container.Host.GatewayOptions(environment, env);
                Assert.True(container.Ports.GetValueOrDefault("grpc") == options.GrpcPort,
                    $"{container}: containerPort 'grpc' is {container.Ports.GetValueOrDefault("grpc")}, the host listens for gRPC on {options.GrpcPort} ({overlay.Directory}, {environment})");
                Assert.True(container.Ports.GetValueOrDefault("web") == options.WebPort,
                    $"{container}: containerPort 'web' is {container.Ports.GetValueOrDefault("web")}, the host listens for HTTP/1.1 on {options.WebPort} ({overlay.Directory}, {environment})");
                Assert.Equal("0.0.0.0", options.ListenAddress);
            }
        }
    }

    [Fact]
    public void Silo_container_ports_are_the_orleans_ports_the_silo_advertises()
    {
        var silos = K8s.HostContainers.Where(c => c.Deployment.Role == ManifestRole.Resource && c.Host == HostProfile.Silo).ToList();
        Assert.NotEmpty(silos);

        foreach (var silo in silos)
        {
            foreach (var (_, environment, env) in Builds(silo))
            {
                var options = silo.Host.Configuration(environment, env).GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();
                Assert.Equal(options.SiloPort, silo.Ports.GetValueOrDefault("silo"));
                Assert.Equal(options.GatewayPort, silo.Ports.GetValueOrDefault("orleans-gateway"));
            }
        }
    }

    [Fact]
    public void Port_settings_are_set_beside_the_container_ports_not_in_shared_config()
    {
        // Silos and standalone gateways share the ConfigMap but not their ports.
        string[] portSettings = ["Gateway__GrpcPort", "Gateway__WebPort", "Cluster__SiloPort", "Cluster__GatewayPort"];
        var inGenerators = K8s.Kustomizations.SelectMany(k => k.ConfigMaps.Concat(k.Secrets))
            .SelectMany(g => g.Literals.Keys.Select(key => (g, key)))
            .Where(entry => portSettings.Contains(entry.key))
            .Select(entry => $"{entry.g.Owner.RelativePath}: {entry.key}");

        Expect.None(inGenerators);
    }

    [Fact]
    public void Services_send_each_port_to_a_container_port_of_the_same_number_on_the_pods_they_select()
    {
        var services = K8s.Resources("Service").ToList();
        Assert.NotEmpty(services);
        foreach (var service in services)
        {
            var selector = service.Document.Pairs("spec", "selector");
            var deployments = K8s.Resources("Deployment").Where(d => K8s.Selects(selector, K8s.PodLabels(d))).ToList();
            Assert.True(deployments.Count > 0, $"{service} selects no Deployment's pods");
            foreach (var port in service.Document.Items("spec", "ports"))
            {
                var target = port.Text("targetPort") ?? port.Text("port");
                foreach (var deployment in deployments)
                {
                    var containerPorts = deployment.Document.Items("spec", "template", "spec", "containers").SelectMany(c => c.Items("ports")).ToList();
                    var match = containerPorts.SingleOrDefault(p => p.Text("name") == target || p.Text("containerPort") == target);
                    Assert.True(match is not null, $"{service}: targetPort {target} is no port of {deployment}");
                    Assert.True(match.Number("containerPort") == port.Number("port"),
                        $"{service}: port {port.Text("name")} is {port.Text("port")} but sends to containerPort {match.Text("containerPort")}");
                }
            }
        }
    }

    [Fact]
    public void Grpc_service_ports_are_h2c_on_the_grpc_port_and_web_ports_are_named_web_on_the_web_port()
    {
        var gatewayPorts = K8s.Resources("Service")
            .Where(s => K8s.Resources("Deployment").Any(d => K8s.Selects(s.Document.Pairs("spec", "selector"), K8s.PodLabels(d)) &&
                K8s.HostContainers.Any(c => c.Deployment == d)))
            .SelectMany(s => s.Document.Items("spec", "ports").Select(port => (service: s, port)))
            .ToList();
        var defaults = new Api.GatewayOptions();

        Assert.NotEmpty(gatewayPorts);
        Assert.All(gatewayPorts, entry =>
        {
            var (service, port) = entry;
            switch (port.Text("name"))
            {
                case "grpc":
                    Assert.Equal("kubernetes.io/h2c", port.Text("appProtocol"));
                    Assert.Equal(defaults.GrpcPort, port.Number("port"));
                    Assert.Equal("grpc", port.Text("targetPort"));
                    break;
                case "web":
                    Assert.Equal(defaults.WebPort, port.Number("port"));
                    Assert.Equal("web", port.Text("targetPort"));
                    break;
                default:
                    Assert.Fail($"{service}: port '{port.Text("name")}' is neither grpc nor web");
                    break;
            }
        });
    }

    [Fact]
    public void Silo_pods_are_reached_through_a_grpc_service_and_a_web_service()
    {
        var silo = K8s.Resources("Deployment").Single(d => K8s.HostContainers.Any(c => c.Deployment == d && c.Host == HostProfile.Silo));
        var portNames = K8s.Resources("Service")
            .Where(s => K8s.Selects(s.Document.Pairs("spec", "selector"), K8s.PodLabels(silo)))
            .SelectMany(s => s.Document.Items("spec", "ports").Select(p => p.Text("name")))
            .ToList();

        Assert.Contains("grpc", portNames);
        Assert.Contains("web", portNames);
    }
}
