using CampaignGrains.Silo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace CampaignGrains.Grains.Tests.Fixtures;

/// <summary>
/// Azurite on a free port and one silo storing grain state in it exactly as the production host does.
/// Shared by every test that needs real storage; each test uses its own campaign ids.
/// </summary>
public sealed class AzuriteClusterFixture : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new(FrozenTime.Start);

    public AzuriteServer Azurite { get; private set; } = null!;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async ValueTask InitializeAsync()
    {
        Azurite = await AzuriteServer.StartAsync(TestContext.Current.CancellationToken);
        Cluster = await StartClusterAsync();
    }

    /// <summary>
    /// A further cluster of the same service on the same storage, as after a restart of every silo;
    /// <paramref name="configure"/> changes its silos' setup after the production one.
    /// </summary>
    public async Task<InProcessTestCluster> StartClusterAsync(Action<ISiloBuilder>? configure = null)
    {
        var builder = new InProcessTestClusterBuilder();
        builder.Options.ServiceId = "campaigngrains-tests";
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton(new StatisticsClock(Time));
            silo.Services.AddCampaignGrains(TestConfiguration.Create());
            silo.AddCampaignStorage(Azurite.ConnectionString);
            configure?.Invoke(silo);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteClusterCollection : ICollectionFixture<AzuriteClusterFixture>
{
    public const string Name = "azurite cluster";
}
