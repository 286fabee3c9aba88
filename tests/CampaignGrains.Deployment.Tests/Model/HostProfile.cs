using System.Text.RegularExpressions;
using CampaignGrains.Api;
using CampaignGrains.Gateway;
using CampaignGrains.Silo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace CampaignGrains.Deployment.Tests.Model;

/// <summary>One of the two hosts: its image, project, Dockerfile, settings and the routes it maps.</summary>
internal sealed class HostProfile
{
    private static readonly string[] ProductionArgs = ["--environment", "Production"];

    public static HostProfile Silo { get; } = new("campaigngrains/silo", "CampaignGrains.Silo", SettingSchema.Silo,
        typeof(SiloApplication).Assembly.GetName().Name!, configure => SiloApplication.Build(ProductionArgs, configure));

    public static HostProfile Gateway { get; } = new("campaigngrains/gateway", "CampaignGrains.Gateway", SettingSchema.Gateway,
        typeof(GatewayApplication).Assembly.GetName().Name!, configure => GatewayApplication.Build(ProductionArgs, configure));

    public static IReadOnlyList<HostProfile> All { get; } = [Silo, Gateway];

    private readonly Func<Action<WebApplicationBuilder>, WebApplication> build;

    private HostProfile(string image, string project, SettingSchema settings, string assembly, Func<Action<WebApplicationBuilder>, WebApplication> build)
    {
        Image = image;
        Project = project;
        Settings = settings;
        AssemblyName = assembly;
        this.build = build;
    }

    /// <summary>The image name the manifests use, without registry or tag.</summary>
    public string Image { get; }

    public string Project { get; }

    public SettingSchema Settings { get; }

    public string AssemblyName { get; }

    public string ProjectDirectory => RepositoryRoot.Combine("src", Project);

    public Dockerfile Dockerfile => Dockerfile.Load(Path.Combine(ProjectDirectory, "Dockerfile"));

    public static HostProfile? ForImage(string image)
    {
        var name = ImageName(image);
        return All.SingleOrDefault(host => host.Image == name);
    }

    /// <summary>"registry/campaigngrains/silo:1.0" → "registry/campaigngrains/silo".</summary>
    public static string ImageName(string image)
    {
        var withoutDigest = image.Split('@')[0];
        var lastSlash = withoutDigest.LastIndexOf('/');
        var colon = withoutDigest.LastIndexOf(':');
        return colon > lastSlash ? withoutDigest[..colon] : withoutDigest;
    }

    /// <summary>
    /// The configuration the host sees in a container: appsettings.json, appsettings.{environment}.json,
    /// the Dockerfile's ENV, then the container's environment (the host adds environment variables last).
    /// </summary>
    public IConfiguration Configuration(string environment, IReadOnlyDictionary<string, string> containerEnv) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(ProjectDirectory, "appsettings.json"), optional: false)
            .AddJsonFile(Path.Combine(ProjectDirectory, $"appsettings.{environment}.json"), optional: true)
            .AddInMemoryCollection(Dockerfile.Env.ToDictionary(pair => SettingSchema.ConfigurationKey(pair.Key), pair => (string?)pair.Value))
            .AddInMemoryCollection(containerEnv.ToDictionary(pair => SettingSchema.ConfigurationKey(pair.Key), pair => (string?)pair.Value))
            .Build();

    public GatewayOptions GatewayOptions(string environment, IReadOnlyDictionary<string, string> containerEnv) =>
        Configuration(environment, containerEnv).GetSection(Api.GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions();

    /// <summary>The routes the host really maps: built by its own code (not started), endpoints listed.</summary>
    public async Task<IReadOnlyList<string>> MappedRoutesAsync()
    {
        var app = build(builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Enough to build (nothing connects until the host starts).
            ["ConnectionStrings:Storage"] = "UseDevelopmentStorage=true",
            ["Auth:SigningKeys:0"] = Convert.ToBase64String(new byte[32]),
            ["Ingest:ProfileHashKey"] = Convert.ToBase64String(new byte[16]),
        }));
        await using (app)
        {
            return ((IEndpointRouteBuilder)app).DataSources
                .SelectMany(source => source.Endpoints)
                .OfType<RouteEndpoint>()
                .Select(endpoint => endpoint.RoutePattern.RawText ?? "")
                .ToList();
        }
    }

    public override string ToString() => Project;
}

/// <summary>The instructions of a host's Dockerfile that the manifests depend on.</summary>
internal sealed partial record Dockerfile(string Path, IReadOnlyList<string> Instructions)
{
    public static Dockerfile Load(string path)
    {
        // Join continuation lines, drop comments and blank lines.
        var text = ContinuedLine().Replace(File.ReadAllText(path), " ");
        var lines = text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith('#')).ToList();
        return new Dockerfile(path, lines);
    }

    /// <summary>The stages' FROM images, in order.</summary>
    public IReadOnlyList<string> From => Arguments("FROM").Select(args => args.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .First(word => !word.StartsWith("--", StringComparison.Ordinal))).ToList();

    /// <summary>The instructions of the last (runtime) stage.</summary>
    public IReadOnlyList<string> RuntimeStage => Instructions.Skip(Instructions.ToList().FindLastIndex(line => Is(line, "FROM"))).ToList();

    /// <summary>ENV of the runtime stage ("ENV A=1 B=" → A: 1, B: "").</summary>
    public IReadOnlyDictionary<string, string> Env => RuntimeStage.Where(line => Is(line, "ENV"))
        .SelectMany(line => line[3..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Select(pair => pair.Split('=', 2))
        .ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : "", StringComparer.Ordinal);

    public IReadOnlyList<int> ExposedPorts => RuntimeStage.Where(line => Is(line, "EXPOSE"))
        .SelectMany(line => line[6..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Select(port => int.Parse(port.Split('/')[0], System.Globalization.CultureInfo.InvariantCulture))
        .ToList();

    public string? User => RuntimeStage.LastOrDefault(line => Is(line, "USER"))?[4..].Trim();

    public string? Entrypoint => RuntimeStage.LastOrDefault(line => Is(line, "ENTRYPOINT"))?[10..].Trim();

    public IEnumerable<string> Arguments(string instruction) => Instructions.Where(line => Is(line, instruction)).Select(line => line[instruction.Length..].Trim());

    private static bool Is(string line, string instruction) =>
        line.StartsWith(instruction + " ", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\\\r?\n")]
    private static partial Regex ContinuedLine();
}
