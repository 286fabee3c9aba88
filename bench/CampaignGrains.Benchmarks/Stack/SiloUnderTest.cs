using CampaignGrains.Api.Security;
using CampaignGrains.Silo;
using Microsoft.Extensions.Logging.Console;

namespace CampaignGrains.Benchmarks.Stack;

/// <summary>
/// Azurite and one production silo with its co-hosted gateway, built by the silo host's own code on free
/// loopback ports, configured so the tenant rate limits never throttle the benchmark.
/// </summary>
internal sealed class SiloUnderTest : IAsyncDisposable
{
    public const string Tenant = "bench";

    /// <summary>Far above anything the benchmark sends: it measures the stack, not the limiter.</summary>
    public const int RateLimit = 100_000_000;

    private static readonly string SigningKey = Convert.ToBase64String("campaigngrains-benchmark-signing-key-32b"u8);
    private static readonly string ProfileHashKey = Convert.ToBase64String("campaigngrains-benchmark-profile-key"u8);

    private readonly AzuriteServer _azurite;
    private readonly WebApplication _app;

    private SiloUnderTest(AzuriteServer azurite, WebApplication app, int grpcPort)
    {
        _azurite = azurite;
        _app = app;
        Channel = Channels.Open(grpcPort);
        var token = DevelopmentTokens.Mint(SigningKey, "campaigngrains", "campaigngrains", Tenant, DevelopmentTokens.DefaultScopes, TimeSpan.FromHours(6));
        Headers = new Metadata { { "authorization", $"Bearer {token}" } };
    }

    public GrpcChannel Channel { get; }

    public Metadata Headers { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// A silo process of another service on this Azurite, so it shares no log, state or membership with this silo,
    /// that takes this silo's <see cref="Headers"/> and is never throttled either.
    /// </summary>
    public Dictionary<string, string?> KillableSiloSettings(string serviceId) =>
        ClusterSettings.KillableSilo(_azurite, serviceId, $"{serviceId}-{Guid.NewGuid():N}", SigningKey, ProfileHashKey, RateLimit);

    public static async Task<SiloUnderTest> StartAsync(CancellationToken cancellationToken)
    {
        var azurite = await AzuriteServer.StartAsync(cancellationToken);
        var grpcPort = FreePort.Next();
        var app = SiloApplication.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(ClusterSettings.Silo(azurite, "campaigngrains-bench", $"bench-{Guid.NewGuid():N}", grpcPort, FreePort.Next(),
                SigningKey, ProfileHashKey, RateLimit));
            // The table goes to stdout: the silo's own warnings go to stderr.
            builder.Logging.ClearProviders();
            builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            await azurite.DisposeAsync();
            throw;
        }
        return new SiloUnderTest(azurite, app, grpcPort);
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}
