namespace CampaignGrains.Deployment.Tests.Model;

internal enum ManifestRole
{
    /// <summary>A whole object, listed under <c>resources:</c>.</summary>
    Resource,

    /// <summary>A strategic-merge patch, listed under <c>patches:</c>: only the fields it changes.</summary>
    Patch,
}

/// <summary>One YAML document of a manifest file, and the kustomization that lists it.</summary>
internal sealed record Manifest(string File, Kustomization Owner, ManifestRole Role, object Document)
{
    public string Kind => Document.Text("kind") ?? "";

    public string Name => Document.Text("metadata", "name") ?? "";

    public override string ToString() => $"{Kind} {Name} ({File}{(Role == ManifestRole.Patch ? ", patch" : "")})";
}

internal sealed record Generator(string Name, string? Behavior, IReadOnlyDictionary<string, string> Literals, Kustomization Owner);

internal sealed record ImageOverride(string Name, string? NewName, string? NewTag, Kustomization Owner);

/// <summary>One kustomization.yaml (a Kustomization or a Component), as written: kustomize is not run.</summary>
internal sealed class Kustomization
{
    private Kustomization(string directory, object document)
    {
        Directory = directory;
        Document = document;
        Kind = document.Text("kind") ?? "Kustomization";
        Namespace = document.Text("namespace");
        Resources = document.Items("resources").Cast<string>().ToList();
        Components = document.Items("components").Cast<string>().ToList();
        Patches = document.Items("patches").Select(patch => patch.Text("path") ?? throw new InvalidOperationException(
            $"{RelativePath}: a patch without 'path:'; keep patches in files so the manifest tests read them.")).ToList();
        ConfigMaps = Generators(document, "configMapGenerator");
        Secrets = Generators(document, "secretGenerator");
        Images = document.Items("images")
            .Select(image => new ImageOverride(image.Text("name") ?? "", image.Text("newName"), image.Text("newTag"), this))
            .ToList();
    }

    /// <summary>Path of the directory relative to k8s/, with '/' separators ("base", "overlays/dev").</summary>
    public string Directory { get; }

    public string RelativePath => $"{Directory}/kustomization.yaml";

    public object Document { get; }

    public string Kind { get; }

    public string? Namespace { get; }

    public IReadOnlyList<string> Resources { get; }

    public IReadOnlyList<string> Components { get; }

    public IReadOnlyList<string> Patches { get; }

    public IReadOnlyList<Generator> ConfigMaps { get; }

    public IReadOnlyList<Generator> Secrets { get; }

    public IReadOnlyList<ImageOverride> Images { get; }

    public bool IsOverlay => Directory.StartsWith("overlays/", StringComparison.Ordinal);

    public static Kustomization Load(string directory) =>
        new(directory, Yaml.LoadAll(File.ReadAllText(Path.Combine(K8s.Root, directory, "kustomization.yaml"))).Single());

    /// <summary>"K=V" literals; every generator here uses literals, so the tests can read every key.</summary>
    private IReadOnlyList<Generator> Generators(object document, string field) =>
        document.Items(field).Select(generator =>
        {
            foreach (var source in new[] { "envs", "files", "env" })
            {
                if (generator.Has(source))
                    throw new InvalidOperationException($"{RelativePath}: {field} '{generator.Text("name")}' uses '{source}'; use literals so the manifest tests read every key.");
            }

            var literals = generator.Items("literals").Cast<string>().ToDictionary(
                literal => literal[..literal.IndexOf('=', StringComparison.Ordinal)],
                literal => literal[(literal.IndexOf('=', StringComparison.Ordinal) + 1)..],
                StringComparer.Ordinal);
            return new Generator(generator.Text("name") ?? "", generator.Text("behavior"), literals, this);
        }).ToList();
}

/// <summary>Everything under k8s/: its kustomizations and every document of every manifest they list.</summary>
internal static class K8s
{
    public static string Root { get; } = RepositoryRoot.Combine("k8s");

    public static IReadOnlyList<Kustomization> Kustomizations { get; } = System.IO.Directory
        .EnumerateFiles(Root, "kustomization.yaml", SearchOption.AllDirectories)
        .Select(file => Relative(Path.GetDirectoryName(file)!))
        .Order(StringComparer.Ordinal)
        .Select(Kustomization.Load)
        .ToList();

    public static IReadOnlyList<Manifest> Manifests { get; } = Kustomizations
        .SelectMany(kustomization =>
            kustomization.Resources.Where(IsFile).Select(file => (kustomization, file, ManifestRole.Resource))
                .Concat(kustomization.Patches.Select(file => (kustomization, file, ManifestRole.Patch))))
        .SelectMany(entry => Yaml.LoadAll(File.ReadAllText(Path.Combine(Root, entry.kustomization.Directory, entry.file)))
            .Select(document => new Manifest(Relative(Path.Combine(Root, entry.kustomization.Directory, entry.file)), entry.kustomization, entry.Item3, document)))
        .ToList();

    /// <summary>Every YAML file under k8s/, relative to it.</summary>
    public static IReadOnlyList<string> YamlFiles { get; } = System.IO.Directory
        .EnumerateFiles(Root, "*.*", SearchOption.AllDirectories)
        .Where(file => file.EndsWith(".yaml", StringComparison.Ordinal) || file.EndsWith(".yml", StringComparison.Ordinal))
        .Select(Relative)
        .Order(StringComparer.Ordinal)
        .ToList();

    public static Kustomization Base => Kustomizations.Single(k => k.Directory == "base");

    public static Kustomization Overlay(string name) => Kustomizations.Single(k => k.Directory == $"overlays/{name}");

    public static IEnumerable<Kustomization> Overlays => Kustomizations.Where(k => k.IsOverlay);

    public static IEnumerable<Manifest> Resources(string kind) =>
        Manifests.Where(m => m.Role == ManifestRole.Resource && m.Kind == kind);

    public static IEnumerable<Manifest> Patches(string kind) =>
        Manifests.Where(m => m.Role == ManifestRole.Patch && m.Kind == kind);

    /// <summary>Deployments (resources and patches) with the containers that run one of the hosts.</summary>
    public static IEnumerable<HostContainer> HostContainers =>
        Manifests.Where(m => m.Kind == "Deployment").SelectMany(deployment => deployment.Document
            .Items("spec", "template", "spec", "containers")
            .Select(container => (container, host: HostOf(deployment, container)))
            .Where(entry => entry.host is not null)
            .Select(entry => new HostContainer(deployment, entry.container, entry.host!)));

    /// <summary>The directories an overlay builds from: itself, its bases and its components (by relative path).</summary>
    public static IReadOnlySet<string> Parts(Kustomization overlay) =>
        overlay.Resources.Concat(overlay.Components)
            .Select(entry => Relative(Path.GetFullPath(Path.Combine(Root, overlay.Directory, entry))))
            .Where(directory => Kustomizations.Any(k => k.Directory == directory))
            .Append(overlay.Directory)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The environment a container of a Deployment resource gets once <paramref name="overlay"/> is built, or
    /// null when the overlay does not include it: the generated ConfigMaps it reads whole (base literals merged
    /// with the overlay's), then its own literal env and that of the overlay's patches.
    /// </summary>
    public static IReadOnlyDictionary<string, string>? EnvironmentIn(Kustomization overlay, HostContainer container)
    {
        var parts = Parts(overlay);
        if (!parts.Contains(container.Deployment.Owner.Directory)) return null;

        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var configMap in container.ConfigMapsReadWhole)
        {
            foreach (var generator in Kustomizations.Where(k => parts.Contains(k.Directory)).OrderBy(k => k.IsOverlay)
                         .SelectMany(k => k.ConfigMaps).Where(g => g.Name == configMap))
            {
                foreach (var (key, value) in generator.Literals) env[key] = value;
            }
        }

        foreach (var (key, value) in container.LiteralEnv) env[key] = value;
        foreach (var patch in HostContainers.Where(c => c.Deployment.Role == ManifestRole.Patch && c.Deployment.Owner == overlay &&
                                                        c.Deployment.Name == container.Deployment.Name && c.Name == container.Name))
        {
            foreach (var (key, value) in patch.LiteralEnv) env[key] = value;
        }

        return env;
    }

    /// <summary>The pod labels of the Deployment resource called <paramref name="name"/>.</summary>
    public static IReadOnlyDictionary<string, string> PodLabels(Manifest deployment) =>
        deployment.Document.Pairs("spec", "template", "metadata", "labels");

    public static bool Selects(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> labels) =>
        selector.Count > 0 && selector.All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value);

    /// <summary>The host a container runs: by its image, or for a patch by the container it patches.</summary>
    private static HostProfile? HostOf(Manifest deployment, object container)
    {
        if (container.Text("image") is { } image) return HostProfile.ForImage(image);
        var resource = Resources("Deployment").SingleOrDefault(r => r.Name == deployment.Name);
        var patched = resource?.Document.Items("spec", "template", "spec", "containers").SingleOrDefault(c => c.Text("name") == container.Text("name"));
        return patched?.Text("image") is { } patchedImage ? HostProfile.ForImage(patchedImage) : null;
    }

    private static bool IsFile(string entry) => entry.EndsWith(".yaml", StringComparison.Ordinal) || entry.EndsWith(".yml", StringComparison.Ordinal);

    private static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');
}

/// <summary>A container of a Deployment (resource or patch) that runs the silo or the gateway.</summary>
internal sealed record HostContainer(Manifest Deployment, object Container, HostProfile Host)
{
    public string Name => Container.Text("name") ?? "";

    public IReadOnlyList<object> Env => Container.Items("env");

    /// <summary>Names of the ConfigMaps the container reads whole as environment variables.</summary>
    public IEnumerable<string> ConfigMapsReadWhole =>
        Container.Items("envFrom").Select(source => source.Text("configMapRef", "name")).OfType<string>();

    /// <summary>containerPort by port name.</summary>
    public IReadOnlyDictionary<string, int> Ports => Container.Items("ports")
        .ToDictionary(port => port.Text("name") ?? "", port => port.Number("containerPort") ?? -1, StringComparer.Ordinal);

    /// <summary>The container's literal environment (value:), by name.</summary>
    public IReadOnlyDictionary<string, string> LiteralEnv => Env
        .Where(variable => variable.Has("value"))
        .ToDictionary(variable => variable.Text("name")!, variable => variable.Text("value") ?? "", StringComparer.Ordinal);

    public override string ToString() => $"container {Name} of {Deployment}";
}
