using System.Collections;
using CampaignGrains.Api.Security;
using CampaignGrains.Api.V1;
using CampaignGrains.Silo;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;
using Domain = CampaignGrains.Abstractions;

namespace CampaignGrains.Widgets.Tests.Fixtures;

/// <summary>
/// Azurite, a silo in Development (so it serves the demo page) built by the production host code, and
/// Debian's chromium driven by Playwright. The demo page's token endpoint reads as tenant "demo".
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Tenant = "demo";

    private AzuriteServer _azurite = null!;
    private WebApplication _silo = null!;
    private IPlaywright _playwright = null!;
    private GrpcChannel _channel = null!;

    public IBrowser Browser { get; private set; } = null!;

    public int WebPort { get; private set; }

    public string BaseUrl => $"http://127.0.0.1:{WebPort}";

    public IngestService.IngestServiceClient Ingest => new(_channel);

    public ReportService.ReportServiceClient Reports => new(_channel);

    public Metadata Headers { get; } = new() { { "authorization", $"Bearer {Token(TimeSpan.FromHours(1))}" } };

    public static string Token(TimeSpan lifetime, DateTimeOffset? now = null) => DevelopmentTokens.Mint(
        DevelopmentTokens.DevelopmentSigningKey, "campaigngrains", "campaigngrains", Tenant, [Scopes.EventsWrite, Scopes.ReportsRead], lifetime, now);

    public async ValueTask InitializeAsync()
    {
        _azurite = await AzuriteServer.StartAsync(TestContext.Current.CancellationToken);
        var grpcPort = FreePort.Next();
        WebPort = FreePort.Next();
        _silo = SiloApplication.Build(["--environment", "Development"], builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Storage"] = _azurite.ConnectionString,
            ["Cluster:SiloPort"] = FreePort.Next().ToString(),
            ["Cluster:GatewayPort"] = FreePort.Next().ToString(),
            ["Cluster:ServiceId"] = "campaigngrains-widget-tests",
            ["Gateway:GrpcPort"] = grpcPort.ToString(),
            ["Gateway:WebPort"] = WebPort.ToString(),
            ["Auth:DevelopmentSigningKey"] = DevelopmentTokens.DevelopmentSigningKey,
            ["Ingest:ProfileHashKey"] = Convert.ToBase64String("campaigngrains-widget-test-key"u8),
            ["Logging:LogLevel:Default"] = "Warning",
        }));
        await _silo.StartAsync(TestContext.Current.CancellationToken);
        _channel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            // This machine has no network: keep chromium from reaching for Google's services.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            // Chromium does not start with libfaketime preloaded (scripts/test-shifted-clock.sh), so it keeps the
            // machine's clock; the widgets never read the browser's clock, every time they show comes from the API.
            Env = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
                .Where(variable => (string)variable.Key != "LD_PRELOAD")
                .ToDictionary(variable => (string)variable.Key, variable => (string?)variable.Value ?? ""),
        });
    }

    /// <summary>Sends events of the demo tenant through the real gRPC API.</summary>
    public async Task IngestAsync(IEnumerable<Domain.EventBatch> batches)
    {
        foreach (var batch in batches) await Ingest.IngestAsync(batch.ToIngestRequest(), Headers);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        _channel.Dispose();
        await _silo.StopAsync();
        await _silo.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
