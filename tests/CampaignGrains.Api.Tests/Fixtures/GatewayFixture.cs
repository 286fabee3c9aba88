using System.Diagnostics;
using CampaignGrains.Api.Watching;
using CampaignGrains.Grains;
using CampaignGrains.Silo;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CampaignGrains.Api.Tests.Fixtures;

/// <summary>
/// Azurite, and a silo with its co-hosted gateway built by the production host code, on free loopback
/// ports with Azure Table clustering. Tests talk to it over real HTTP/2 connections.
/// </summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    public const string ServiceId = "campaigngrains-api-tests";

    /// <summary>Decides the live window; frozen, so a test's window does not move under it. Events take their times from it.</summary>
    public FakeTimeProvider StatisticsTime { get; } = new(FrozenTime.Start);

    /// <summary>Paces WatchReport; tests step it to release the next snapshot.</summary>
    public FakeTimeProvider WatchTime { get; } = new();

    public AzuriteServer Azurite { get; private set; } = null!;

    /// <summary>What the silos log, so tests can check that no secret reaches a log.</summary>
    public CapturedLogs Logs { get; } = new();

    public GatewayHost Silo { get; private set; } = null!;

    public string ClusterId { get; } = $"api-tests-{Guid.NewGuid():N}";

    public async ValueTask InitializeAsync()
    {
        Azurite = await AzuriteServer.StartAsync(TestContext.Current.CancellationToken);
        Silo = await StartSiloAsync(ClusterId);
    }

    /// <summary>A silo with a co-hosted gateway in cluster <paramref name="clusterId"/>, built by the silo host's own code.</summary>
    /// <param name="overrides">Settings a test needs changed, e.g. tight rate limits.</param>
    public async Task<GatewayHost> StartSiloAsync(string clusterId, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var (grpcPort, webPort) = (FreePort.Next(), FreePort.Next());
        var app = SiloApplication.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(ClusterSettings.Silo(Azurite, ServiceIdOf(clusterId), clusterId, grpcPort, webPort, Calls.SigningKey,
                Convert.ToBase64String("campaigngrains-api-test-key"u8)));
            builder.Configuration.AddInMemoryCollection(GatewaySettings);
            builder.Configuration.AddInMemoryCollection(overrides ?? new Dictionary<string, string?>());
            builder.Services.AddSingleton(new StatisticsClock(StatisticsTime));
            builder.Logging.AddProvider(Logs);
            builder.Logging.AddFilter<CapturedLogs>(null, LogLevel.Information);
            builder.Services.AddSingleton(services => new WatchThrottle(WatchTime, services.GetRequiredService<IOptions<GatewayOptions>>()));
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new GatewayHost(grpcPort, webPort, async () =>
        {
            await app.StopAsync();
            await app.DisposeAsync();
        });
    }

    /// <summary>
    /// The standalone gateway as its own process (the built CampaignGrains.Gateway), joined to cluster
    /// <paramref name="clusterId"/> as an Orleans client, configured the way a deployment does: by environment.
    /// </summary>
    public async Task<GatewayHost> StartStandaloneGatewayAsync(string clusterId)
    {
        var (grpcPort, webPort) = (FreePort.Next(), FreePort.Next());
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "CampaignGrains.Gateway.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in ClusterSettings.Gateway(Azurite, ServiceIdOf(clusterId), clusterId, grpcPort, webPort, Calls.SigningKey).Concat(GatewaySettings))
            start.Environment[key.Replace(":", "__")] = value;
        var gateway = Process.Start(start)!;
        gateway.OutputDataReceived += (_, _) => { };
        gateway.ErrorDataReceived += (_, _) => { };
        gateway.BeginOutputReadLine();
        gateway.BeginErrorReadLine();

        var host = new GatewayHost(grpcPort, webPort, async () =>
        {
            gateway.Kill(entireProcessTree: true);
            await gateway.WaitForExitAsync();
            gateway.Dispose();
        });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}") };
        for (var attempt = 0; ; attempt++)
        {
            if (gateway.HasExited) throw new InvalidOperationException($"The standalone gateway exited with code {gateway.ExitCode} while starting.");
            try
            {
                if ((await http.GetAsync("/health/live")).IsSuccessStatusCode) return host;
            }
            catch (HttpRequestException) when (attempt < 300)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>
    /// Each cluster a test starts is a service of its own: a service has one writer per ingest log shard, and two
    /// clusters of one service at once would take turns fencing each other off.
    /// </summary>
    private string ServiceIdOf(string clusterId) => clusterId == ClusterId ? ServiceId : $"{ServiceId}-{clusterId}";

    /// <summary>What every gateway of the suite adds: a browser origin to allow, and quiet logs.</summary>
    private static readonly Dictionary<string, string?> GatewaySettings = new()
    {
        ["Gateway:CorsOrigins:0"] = "https://host.example",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    public async ValueTask DisposeAsync()
    {
        await Silo.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "gateway";
}
