using CampaignGrains.Deployment.Tests.Model;

namespace CampaignGrains.Deployment.Tests;

public class DockerfileTests
{
    public static TheoryData<string> Hosts => new(HostProfile.All.Select(h => h.Project));

    private static HostProfile Host(string project) => HostProfile.All.Single(h => h.Project == project);

    [Theory]
    [MemberData(nameof(Hosts))]
    public void The_image_exposes_the_ports_the_manifests_open(string project)
    {
        var host = Host(project);
        var opened = K8s.HostContainers.Where(c => c.Host == host && c.Deployment.Role == ManifestRole.Resource)
            .SelectMany(c => c.Ports.Values).Distinct().Order();

        Assert.Equal(opened, host.Dockerfile.ExposedPorts.Order());
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public void The_image_listens_on_every_interface_on_its_exposed_gateway_ports(string project)
    {
        var host = Host(project);
        var options = host.GatewayOptions("Production", new Dictionary<string, string>());

        Assert.Equal("0.0.0.0", options.ListenAddress);
        Assert.Contains(options.GrpcPort, host.Dockerfile.ExposedPorts);
        Assert.Contains(options.WebPort, host.Dockerfile.ExposedPorts);
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public void The_image_builds_with_the_sdk_runs_on_aspnet_and_starts_the_host_as_a_non_root_user(string project)
    {
        var dockerfile = Host(project).Dockerfile;

        Assert.Contains("mcr.microsoft.com/dotnet/sdk:10.0", dockerfile.From);
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", dockerfile.From[^1]);
        Assert.Equal($"[\"dotnet\", \"{Host(project).AssemblyName}.dll\"]", dockerfile.Entrypoint);
        Assert.True(dockerfile.User is "$APP_UID" or "app" || int.TryParse(dockerfile.User, out var uid) && uid > 0, $"USER is {dockerfile.User}");
        Assert.Contains(dockerfile.Instructions, line => line.Contains("npm ci", StringComparison.Ordinal) && !line.StartsWith("#", StringComparison.Ordinal));
        Assert.Contains(dockerfile.Instructions, line => line.Contains("npm run widgets:build", StringComparison.Ordinal));
        Assert.Contains(dockerfile.Instructions, line => line.Contains($"dotnet publish src/{project}/{project}.csproj", StringComparison.Ordinal));
    }
}
