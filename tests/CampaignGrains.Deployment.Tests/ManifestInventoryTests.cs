using CampaignGrains.Deployment.Tests.Model;

namespace CampaignGrains.Deployment.Tests;

/// <summary>The tests below read what the kustomizations list; these make sure that is every file.</summary>
public class ManifestInventoryTests
{
    [Fact]
    public void Every_manifest_file_under_k8s_is_listed_by_a_kustomization()
    {
        var listed = K8s.Manifests.Select(m => m.File).Concat(K8s.Kustomizations.Select(k => k.RelativePath)).ToHashSet(StringComparer.Ordinal);

        var unlisted = K8s.YamlFiles.Where(file => !listed.Contains(file)).ToList();

        Expect.None(unlisted);
    }

    [Fact]
    public void Every_path_a_kustomization_names_exists()
    {
        var missing = K8s.Kustomizations.SelectMany(k => k.Resources.Concat(k.Components).Concat(k.Patches)
                .Where(entry => !File.Exists(Path.Combine(K8s.Root, k.Directory, entry)) && !Directory.Exists(Path.Combine(K8s.Root, k.Directory, entry)))
                .Select(entry => $"{k.RelativePath}: {entry}"));

        Expect.None(missing);
    }

    [Fact]
    public void Base_dev_and_production_exist_and_both_overlays_build_on_the_base()
    {
        Assert.Equal(["overlays/dev", "overlays/production"], K8s.Overlays.Select(k => k.Directory).Order(StringComparer.Ordinal));
        Assert.All(K8s.Overlays, overlay => Assert.Contains("../../base", overlay.Resources));
        Assert.All(K8s.Kustomizations.Where(k => k.Kind == "Component"), component =>
            Assert.StartsWith("components/", component.Directory, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_document_has_a_kind_and_a_name()
    {
        Assert.NotEmpty(K8s.Manifests);
        Assert.All(K8s.Manifests, manifest =>
        {
            Assert.False(string.IsNullOrEmpty(manifest.Kind), $"{manifest.File}: a document without kind");
            Assert.False(string.IsNullOrEmpty(manifest.Name), $"{manifest.File}: a {manifest.Kind} without metadata.name");
        });
    }

    [Fact]
    public void Patches_patch_objects_the_base_or_a_component_defines()
    {
        var defined = K8s.Manifests.Where(m => m.Role == ManifestRole.Resource).Select(m => (m.Kind, m.Name)).ToHashSet();

        Assert.All(K8s.Manifests.Where(m => m.Role == ManifestRole.Patch), patch => Assert.Contains((patch.Kind, patch.Name), defined));
    }
}
