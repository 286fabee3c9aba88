using CampaignGrains.Api.Security;
using CampaignGrains.Api.V1;
using CampaignGrains.Silo;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace CampaignGrains.Cli.Tests.Fixtures;

/// <summary>
/// Azurite and one silo with its co-hosted gateway, built by the production host code on free loopback
/// ports, accepting tokens signed with the development key: what campaignctl talks to after ./run.sh.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const string Tenant = "cli-tests";

    private WebApplication _silo = null!;
    private GrpcChannel _channel = null!;

    public AzuriteServer Azurite { get; private set; } = null!;

    /// <summary>The gateway's h2c gRPC address, as campaignctl's --address takes it.</summary>
    public string Address { get; private set; } = "";

    /// <summary>Independent of campaignctl: the API's own answer, to compare campaignctl's output with.</summary>
    public ReportService.ReportServiceClient Reports => new(_channel);

    public IngestService.IngestServiceClient Ingest => new(_channel);

    public async ValueTask InitializeAsync()
    {
        Azurite = await AzuriteServer.StartAsync(TestContext.Current.CancellationToken);
        var grpcPort = FreePort.Next();
        // The key `campaignctl token` signs with by default, as a Development host accepts it.
        var settings = ClusterSettings.Silo(Azurite, "campaigngrains-cli-tests", $"cli-tests-{Guid.NewGuid():N}", grpcPort, FreePort.Next(),
            DevelopmentTokens.DevelopmentSigningKey, Convert.ToBase64String("campaigngrains-cli-test-key"u8));
        settings["Logging:LogLevel:Default"] = "Warning";
        _silo = SiloApplication.Build([], builder => builder.Configuration.AddInMemoryCollection(settings));
        await _silo.StartAsync(TestContext.Current.CancellationToken);
        Address = $"http://127.0.0.1:{grpcPort}";
        _channel = GrpcChannel.ForAddress(Address);
    }

    public static string Token(string tenant = Tenant, params string[] scopes) => DevelopmentTokens.Mint(
        DevelopmentTokens.DevelopmentSigningKey, "campaigngrains", "campaigngrains", tenant,
        scopes.Length == 0 ? DevelopmentTokens.DefaultScopes : scopes, TimeSpan.FromMinutes(30));

    public static CallOptions As(string tenant = Tenant) =>
        new(new Metadata { { "authorization", $"Bearer {Token(tenant)}" } }, DateTime.UtcNow.AddSeconds(60));

    /// <summary>campaignctl with this cluster's address and a token of <paramref name="tenant"/>.</summary>
    public Task<CliRun> CtlAsync(string[] args, string tenant = Tenant, CancellationToken cancellationToken = default) =>
        CliRun.RunAsync([.. args, "--address", Address, "--token", Token(tenant)], cancellationToken);

    /// <summary>The API's own report, with every tab.</summary>
    public async Task<Report> ReportAsync(string campaignId, Window window, string tenant = Tenant) =>
        await Reports.GetReportAsync(new ReportRequest { CampaignId = campaignId, Window = window }, As(tenant));

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _silo.StopAsync();
        await _silo.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
