using CampaignGrains.Grains.Directory;
using CampaignGrains.Grains.Log;
using CampaignGrains.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Placement;
using Orleans.Runtime.Hosting;
using Orleans.TestingHost;

namespace CampaignGrains.Grains.Tests.Fixtures;

/// <summary>
/// An in-process cluster of its own on the test stores, which outlive any silo of it: for tests that kill silos
/// or need a checkpoint interval other than the shared fixture's.
/// </summary>
internal static class ControlledCluster
{
    public static async Task<InProcessTestCluster> StartAsync(int silos, ControlledGrainStorage storage, ControlledIngestLog log,
        ICampaignDirectory directory, TimeSpan? checkpointInterval = null, bool randomPlacement = false)
    {
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddCampaignGrains(TestConfiguration.Create());
            if (checkpointInterval is { } interval) silo.Services.Configure<IngestLogOptions>(options => options.CheckpointInterval = interval);
            silo.Services.AddGrainStorage(StorageNames.Statistics, (_, _) => storage);
            silo.Services.AddSingleton(directory);
            silo.Services.AddSingleton<IIngestLogStore>(log);
            // Orleans' default placement favours the least loaded silo, which may keep every grain off a victim.
            if (randomPlacement) silo.Services.AddSingleton<PlacementStrategy, RandomPlacement>();
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
