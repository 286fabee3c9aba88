using CampaignGrains.Grains.Directory;
using CampaignGrains.Grains.Log;
using CampaignGrains.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Runtime.Hosting;
using Orleans.TestingHost;

namespace CampaignGrains.Grains.Tests.Fixtures;

/// <summary>One in-process silo on <see cref="ControlledGrainStorage"/> and <see cref="ControlledIngestLog"/>, shared by the grain-logic tests.</summary>
public sealed class MemoryClusterFixture : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new(FrozenTime.Start);

    internal ControlledGrainStorage Storage { get; } = new();

    internal ControlledIngestLog Log { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder();
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton(new StatisticsClock(Time));
            silo.Services.AddCampaignGrains(TestConfiguration.Create());
            // Checkpoints only when a test asks for one or a grain deactivates, so a test decides what is written.
            silo.Services.Configure<IngestLogOptions>(options => options.CheckpointInterval = TimeSpan.FromHours(1));
            silo.Services.AddGrainStorage(StorageNames.Statistics, (_, _) => Storage);
            silo.Services.AddSingleton<ICampaignDirectory>(new InMemoryCampaignDirectory());
            silo.Services.AddSingleton<IIngestLogStore>(Log);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class MemoryClusterCollection : ICollectionFixture<MemoryClusterFixture>
{
    public const string Name = "memory cluster";
}
