using System.Globalization;
using CampaignGrains.Deployment.Tests.Model;
using Microsoft.Extensions.Hosting;

namespace CampaignGrains.Deployment.Tests;

public class WorkloadTests
{
    private static readonly string[] ThirdPartyImagesInDev = ["mcr.microsoft.com/azure-storage/azurite"];

    private static IEnumerable<Manifest> HostDeployments(ManifestRole role = ManifestRole.Resource) =>
        K8s.Manifests.Where(m => m.Kind == "Deployment" && m.Role == role && K8s.HostContainers.Any(c => c.Deployment == m));

    private static IEnumerable<(Manifest Deployment, object Container)> AllContainers() =>
        K8s.Manifests.Where(m => m.Kind == "Deployment")
            .SelectMany(d => d.Document.Items("spec", "template", "spec", "containers").Select(c => (d, c)));

    [Fact]
    public void No_container_has_a_cpu_limit()
    {
        var limited = AllContainers().Where(entry => entry.Container.Has("resources", "limits", "cpu"))
            .Select(entry => $"{entry.Container.Text("name")} of {entry.Deployment}");

        Expect.None(limited);
    }

    [Fact]
    public void Host_containers_request_cpu_and_memory_and_limit_memory_to_no_less_than_the_request()
    {
        foreach (var container in K8s.HostContainers.Where(c => c.Deployment.Role == ManifestRole.Resource || c.Container.Has("resources")))
        {
            var resources = container.Container.At("resources");
            Assert.True(resources.Text("requests", "cpu") is not null, $"{container}: no CPU request");
            Assert.True(resources.Text("requests", "memory") is { } request && resources.Text("limits", "memory") is { } limit && Bytes(limit) >= Bytes(request),
                $"{container}: needs a memory request and a memory limit at least as large");
        }
    }

    [Fact]
    public void Termination_grace_outlasts_the_prestop_pause_plus_the_hosts_shutdown_timeout()
    {
        var shutdown = new HostOptions().ShutdownTimeout;
        Assert.All(HostDeployments(), deployment =>
        {
            var pod = deployment.Document.At("spec", "template", "spec");
            var preStop = pod.Items("containers").Select(c => c.Items("lifecycle", "preStop", "exec", "command").Cast<string>().ToList())
                .Select(command => command is ["sleep", var seconds] ? int.Parse(seconds, CultureInfo.InvariantCulture) : 0).Max();
            var grace = pod.Number("terminationGracePeriodSeconds") ?? 30;

            Assert.True(grace > preStop + shutdown.TotalSeconds,
                $"{deployment}: terminationGracePeriodSeconds {grace} is not above preStop {preStop} s + shutdown timeout {shutdown.TotalSeconds} s");
        });
    }

    [Fact]
    public void Rolling_updates_start_a_new_pod_before_stopping_an_old_one()
    {
        Assert.NotEmpty(HostDeployments());
        Assert.All(HostDeployments(), deployment =>
        {
            Assert.Equal("RollingUpdate", deployment.Document.Text("spec", "strategy", "type"));
            Assert.Equal("0", deployment.Document.Text("spec", "strategy", "rollingUpdate", "maxUnavailable"));
            Assert.Equal("1", deployment.Document.Text("spec", "strategy", "rollingUpdate", "maxSurge"));
        });
        Assert.All(HostDeployments(ManifestRole.Patch).Where(p => p.Document.Has("spec", "strategy")), patch =>
            Assert.Equal("0", patch.Document.Text("spec", "strategy", "rollingUpdate", "maxUnavailable")));
    }

    [Fact]
    public void A_disruption_budget_covers_the_silo_pods_and_every_host_deployment()
    {
        var budgets = K8s.Resources("PodDisruptionBudget").ToList();
        foreach (var deployment in HostDeployments())
        {
            var budget = budgets.SingleOrDefault(b => K8s.Selects(b.Document.Pairs("spec", "selector", "matchLabels"), K8s.PodLabels(deployment)));
            Assert.True(budget is not null, $"no PodDisruptionBudget selects the pods of {deployment}");
            Assert.True(budget.Document.Text("spec", "maxUnavailable") == "1" || budget.Document.Text("spec", "minAvailable") == "1",
                $"{budget}: maxUnavailable 1 or minAvailable 1");
            Assert.Equal(deployment.Owner, budget.Owner);
        }

        Assert.Contains(budgets, b => HostDeployments().Any(d =>
            K8s.HostContainers.Any(c => c.Deployment == d && c.Host == HostProfile.Silo) &&
            K8s.Selects(b.Document.Pairs("spec", "selector", "matchLabels"), K8s.PodLabels(d))));
    }

    [Fact]
    public void Deployments_run_the_campaigngrains_images_and_only_dev_adds_azurite()
    {
        foreach (var (deployment, container) in AllContainers().Where(entry => entry.Container.Has("image")))
        {
            var image = container.Text("image")!;
            var name = HostProfile.ImageName(image);
            if (HostProfile.ForImage(image) is not null)
            {
                Assert.Equal(name, image); // the tag is the overlay's (kustomize images:), never the manifest's
                continue;
            }

            Assert.Contains(name, ThirdPartyImagesInDev);
            Assert.Equal("overlays/dev", deployment.Owner.Directory);
        }

        Assert.Equal(["campaigngrains/gateway", "campaigngrains/silo"],
            K8s.HostContainers.Select(c => c.Container.Text("image")).OfType<string>().Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Overlays_tag_the_campaigngrains_images_and_rename_them_only_by_registry()
    {
        foreach (var overlay in K8s.Overlays)
        {
            var images = overlay.Images.ToDictionary(image => image.Name, StringComparer.Ordinal);
            foreach (var host in HostProfile.All)
            {
                Assert.True(images.TryGetValue(host.Image, out var image), $"{overlay.RelativePath} does not set the tag of {host.Image}");
                Assert.False(string.IsNullOrEmpty(image.NewTag), $"{overlay.RelativePath}: {host.Image} has no newTag");
                Assert.True(image.NewName is null || image.NewName.EndsWith("/" + host.Image, StringComparison.Ordinal),
                    $"{overlay.RelativePath}: {host.Image} renamed to {image.NewName}; only a registry prefix may be added");
            }

            Assert.All(images.Keys, name => Assert.True(HostProfile.All.Any(h => h.Image == name) || ThirdPartyImagesInDev.Contains(name),
                $"{overlay.RelativePath} retags an image no manifest uses: {name}"));
        }
    }

    [Fact]
    public void Deployment_selectors_match_their_own_pod_labels_and_name_the_app_and_component()
    {
        var deployments = K8s.Resources("Deployment").ToList();
        Assert.NotEmpty(deployments);
        Assert.All(deployments, deployment =>
        {
            var selector = deployment.Document.Pairs("spec", "selector", "matchLabels");
            Assert.True(K8s.Selects(selector, K8s.PodLabels(deployment)), $"{deployment}: selector does not match its pod labels");
            Assert.Contains("app.kubernetes.io/name", selector.Keys);
            Assert.Contains("app.kubernetes.io/component", selector.Keys);
        });
    }

    [Fact]
    public void Each_service_selects_the_pods_of_exactly_one_deployment_of_its_own_kustomization()
    {
        Assert.All(K8s.Resources("Service"), service =>
        {
            var selected = K8s.Resources("Deployment").Where(d => K8s.Selects(service.Document.Pairs("spec", "selector"), K8s.PodLabels(d))).ToList();
            Assert.True(selected.Count == 1, $"{service} selects {selected.Count} Deployments");
            Assert.Equal(service.Owner, selected[0].Owner);
        });
    }

    [Fact]
    public void Kustomize_labels_leave_selectors_alone()
    {
        // A Deployment's selector cannot change after creation; labels added later must not reach it.
        Assert.All(K8s.Kustomizations.SelectMany(k => k.Document.Items("labels")), labels =>
            Assert.Equal("false", labels.Text("includeSelectors")));
        Assert.All(K8s.Kustomizations, k => Assert.False(k.Document.Has("commonLabels"), $"{k.RelativePath}: commonLabels rewrites selectors"));
    }

    [Fact]
    public void Dev_runs_one_or_two_silos_and_production_three()
    {
        int Replicas(string overlay) =>
            K8s.Patches("Deployment").Where(p => p.Owner == K8s.Overlay(overlay) && HostDeployments().Any(d => d.Name == p.Name &&
                    K8s.HostContainers.Any(c => c.Deployment == d && c.Host == HostProfile.Silo)))
                .Select(p => p.Document.Number("spec", "replicas")).Single() ?? 0;

        Assert.InRange(Replicas("dev"), 1, 2);
        Assert.Equal(3, Replicas("production"));
    }

    [Fact]
    public void Every_overlay_sets_a_namespace()
    {
        Assert.All(K8s.Overlays, overlay => Assert.False(string.IsNullOrEmpty(overlay.Namespace), $"{overlay.RelativePath} sets no namespace"));
    }

    /// <summary>A Kubernetes memory quantity in bytes ("512Mi", "1Gi", "1G", "1000").</summary>
    private static double Bytes(string quantity)
    {
        string[] suffixes = ["Ki", "Mi", "Gi", "Ti", "k", "M", "G", "T"];
        double[] factors = [1024d, 1024d * 1024, 1024d * 1024 * 1024, 1024d * 1024 * 1024 * 1024, 1e3, 1e6, 1e9, 1e12];
        for (var i = 0; i < suffixes.Length; i++)
        {
            if (quantity.EndsWith(suffixes[i], StringComparison.Ordinal))
                return double.Parse(quantity[..^suffixes[i].Length], CultureInfo.InvariantCulture) * factors[i];
        }

        return double.Parse(quantity, CultureInfo.InvariantCulture);
    }
}
