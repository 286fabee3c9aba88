using CampaignGrains.Deployment.Tests.Model;

namespace CampaignGrains.Deployment.Tests;

public class EnvironmentVariableTests
{
    private const string SecretName = "campaigngrains-secrets";

    /// <summary>Every variable a host container gets: its env (resources and patches) and the ConfigMaps it reads whole.</summary>
    private static IEnumerable<(string Where, HostProfile Host, string Name, string? Value)> Variables()
    {
        foreach (var container in K8s.HostContainers)
        {
            foreach (var variable in container.Env)
            {
                var value = variable.Has("value") ? variable.Text("value") ?? "" : null;
                yield return (container.ToString(), container.Host, variable.Text("name") ?? "", value);
            }
        }

        foreach (var generator in K8s.Kustomizations.SelectMany(k => k.ConfigMaps))
        {
            var consumers = K8s.HostContainers.Where(c => c.ConfigMapsReadWhole.Contains(generator.Name)).Select(c => c.Host).Distinct().ToList();
            Assert.True(consumers.Count > 0, $"{generator.Owner.RelativePath}: no host reads the ConfigMap '{generator.Name}'");
            foreach (var host in consumers)
            {
                foreach (var (key, value) in generator.Literals)
                    yield return ($"ConfigMap {generator.Name} ({generator.Owner.RelativePath}), read by {host}", host, key, value);
            }
        }

        foreach (var host in HostProfile.All)
        {
            foreach (var (key, value) in host.Dockerfile.Env)
                yield return ($"ENV of {Path.GetRelativePath(RepositoryRoot.Path, host.Dockerfile.Path)}", host, key, value);
        }
    }

    [Fact]
    public void Every_environment_variable_names_a_setting_the_host_reads()
    {
        var variables = Variables().ToList();
        Assert.NotEmpty(variables);

        var problems = variables
            .Select(v => (v, problem: v.Host.Settings.Problem(v.Name, v.Value)))
            .Where(entry => entry.problem is not null)
            .Select(entry => $"{entry.v.Where}: {entry.v.Name} {entry.problem}");

        Expect.None(problems);
    }

    [Fact]
    public void Each_containers_environment_binds_to_the_options_classes_with_no_unknown_key()
    {
        foreach (var overlay in K8s.Overlays)
        {
            foreach (var container in K8s.HostContainers.Where(c => c.Deployment.Role == ManifestRole.Resource))
            {
                if (K8s.EnvironmentIn(overlay, container) is not { } literal) continue;
                // Values from references (the pod IP, secrets) are strings the binder takes as they come.
                var env = container.Env.Where(v => v.Has("valueFrom")).ToDictionary(v => v.Text("name")!, _ => "10.0.0.1", StringComparer.Ordinal);
                foreach (var (key, value) in container.Host.Dockerfile.Env.Concat(literal)) env[key] = value;

                var exception = Record.Exception(() => container.Host.Settings.Bind(env));

                Assert.True(exception is null, $"{container} in {overlay.Directory}: {exception?.Message}");
            }
        }
    }

    [Fact]
    public void The_unknown_setting_check_rejects_a_misspelt_or_foreign_variable()
    {
        Assert.NotNull(SettingSchema.Silo.Problem("Cluster__AdvertisedIpAdress", "10.0.0.1"));
        Assert.NotNull(SettingSchema.Silo.Problem("Gateway__GrpcPort", "grpc"));
        Assert.NotNull(SettingSchema.Silo.Problem("Auth__SigningKeys__first", "x"));
        Assert.NotNull(SettingSchema.Silo.Problem("ConnectionStrings__Orleans", "x"));
        Assert.NotNull(SettingSchema.Gateway.Problem("Cluster__AdvertisedIPAddress", "10.0.0.1"));
        Assert.NotNull(SettingSchema.Gateway.Problem("Ingest__ProfileHashKey", "x"));
        Assert.Null(SettingSchema.Silo.Problem("Cluster__Membership__ProbeTimeout", "00:00:05"));
        Assert.Null(SettingSchema.Silo.Problem("Ingest__FieldLimits__Domain", "200"));
        Assert.Throws<InvalidOperationException>(() => SettingSchema.Silo.Bind(new Dictionary<string, string> { ["Gateway__GrpcPorts"] = "5001" }));
    }

    [Fact]
    public void Silos_advertise_their_pod_ip_and_join_through_azure_table_membership()
    {
        var silos = K8s.HostContainers.Where(c => c.Host == HostProfile.Silo && c.Deployment.Role == ManifestRole.Resource).ToList();
        Assert.NotEmpty(silos);
        Assert.All(silos, silo =>
        {
            var advertised = silo.Env.SingleOrDefault(v => v.Text("name") == "Cluster__AdvertisedIPAddress");
            Assert.Equal("status.podIP", advertised.Text("valueFrom", "fieldRef", "fieldPath"));
            Assert.All(K8s.Overlays, overlay => Assert.Equal("AzureTable", K8s.EnvironmentIn(overlay, silo)?.GetValueOrDefault("Cluster__Clustering")));
        });
    }

    [Fact]
    public void Secrets_reach_the_hosts_only_through_secret_references_that_the_dev_overlay_fills()
    {
        string[] secretSettings = ["ConnectionStrings__Storage", "Ingest__ProfileHashKey", "Auth__SigningKeys__0", "Auth__DevelopmentSigningKey"];
        var devSecrets = K8s.Overlay("dev").Secrets.SingleOrDefault(s => s.Name == SecretName);
        Assert.NotNull(devSecrets);

        foreach (var container in K8s.HostContainers)
        {
            foreach (var variable in container.Env.Where(v => secretSettings.Contains(v.Text("name"))))
            {
                Assert.False(variable.Has("value"), $"{container}: {variable.Text("name")} is written in the manifest");
                Assert.Equal(SecretName, variable.Text("valueFrom", "secretKeyRef", "name"));
                Assert.Contains(variable.Text("valueFrom", "secretKeyRef", "key")!, devSecrets.Literals.Keys);
            }
        }

        Assert.All(K8s.HostContainers.Where(c => c.Deployment.Role == ManifestRole.Resource), container =>
            Assert.Contains(container.Env, v => v.Text("name") == "ConnectionStrings__Storage"));
        Assert.Contains(K8s.HostContainers, c => c.Host == HostProfile.Silo && c.Env.Any(v => v.Text("name") == "Ingest__ProfileHashKey"));
        Expect.None(K8s.Kustomizations.SelectMany(k => k.ConfigMaps).SelectMany(g => g.Literals.Keys).Intersect(secretSettings));
    }

    [Fact]
    public void Base_components_and_production_hold_no_secret_values()
    {
        var holders = K8s.Kustomizations.Where(k => k.Directory != "overlays/dev")
            .Where(k => k.Secrets.Count > 0 || K8s.Manifests.Any(m => m.Owner == k && m.Kind == "Secret"))
            .Select(k => k.RelativePath);

        Expect.None(holders);
    }

    [Fact]
    public void Dev_runs_in_Development_and_production_in_Production_with_an_authority()
    {
        var silo = K8s.HostContainers.First(c => c.Host == HostProfile.Silo && c.Deployment.Role == ManifestRole.Resource);
        var dev = K8s.EnvironmentIn(K8s.Overlay("dev"), silo)!;
        var production = K8s.EnvironmentIn(K8s.Overlay("production"), silo)!;

        Assert.Equal("Development", dev["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("Production", production["ASPNETCORE_ENVIRONMENT"]);
        Assert.True(Uri.TryCreate(production.GetValueOrDefault("Auth__Authority"), UriKind.Absolute, out var authority) && authority.Scheme == "https",
            "production sets Auth__Authority to an https URL");
    }

    [Fact]
    public void Dev_storage_points_at_the_azurite_service_in_the_cluster()
    {
        var connection = K8s.Overlay("dev").Secrets.Single(s => s.Name == SecretName).Literals["storage-connection-string"];
        var endpoint = new Uri(connection.Split(';').Single(part => part.StartsWith("TableEndpoint=", StringComparison.Ordinal))["TableEndpoint=".Length..]);
        var azurite = K8s.Resources("Service").Single(s => s.Owner == K8s.Overlay("dev") && s.Name == endpoint.Host);
        var deployment = K8s.Resources("Deployment").Single(d => K8s.Selects(azurite.Document.Pairs("spec", "selector"), K8s.PodLabels(d)));
        var container = deployment.Document.Items("spec", "template", "spec", "containers").Single();

        Assert.Contains(azurite.Document.Items("spec", "ports"), port => port.Number("port") == endpoint.Port);
        Assert.Equal("mcr.microsoft.com/azure-storage/azurite", HostProfile.ImageName(container.Text("image")!));
        var command = container.Items("command").Concat(container.Items("args")).Cast<string>().ToList();
        Assert.Equal("azurite-table", command[0]);
        Assert.Equal("0.0.0.0", command[command.IndexOf("--tableHost") + 1]);
    }
}
