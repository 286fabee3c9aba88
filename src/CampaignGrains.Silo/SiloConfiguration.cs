using System.Net;
using Azure.Data.Tables;
using CampaignGrains.Grains;
using CampaignGrains.Grains.Directory;
using CampaignGrains.Grains.Storage;
using CampaignGrains.Grains.Log;
using CampaignGrains.Silo.Directory;
using CampaignGrains.Silo.Log;
using CampaignGrains.Silo.Storage;
using CampaignGrains.Silo.Tables;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;

namespace CampaignGrains.Silo;

public static class SiloConfiguration
{
    /// <summary>The connection string every silo needs: Azure Table storage for grain state (and clustering).</summary>
    public const string StorageConnectionName = "Storage";

    /// <summary>Table that holds every statistics grain's checkpoint, many grains a partition.</summary>
    public const string CheckpointTable = "CampaignCheckpoints";

    /// <summary>Where builds before the grouped checkpoints kept them, one partition a grain (Orleans' Azure Table provider); read while it holds any.</summary>
    public const string LegacyStatisticsTable = "CampaignStatistics";

    /// <summary>The storage provider that reads <see cref="LegacyStatisticsTable"/>; no grain names it.</summary>
    private const string LegacyStatisticsStorage = "statistics-before-grouped-checkpoints";

    public static ISiloBuilder ConfigureCampaignSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var options = configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();
        var storage = RequiredConnectionString(configuration);

        silo.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = options.ClusterId;
            cluster.ServiceId = options.ServiceId;
        });
        // Failure detection (probe timeout, missed probes, votes): Orleans' defaults unless a deployment tunes them.
        silo.Configure<ClusterMembershipOptions>(configuration.GetSection($"{SiloOptions.Section}:Membership"));

        switch (options.Clustering)
        {
            case "Localhost":
                silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
                break;
            case "AzureTable":
                silo.UseAzureStorageClustering(clustering => clustering.TableServiceClient = new TableServiceClient(storage));
                silo.ConfigureEndpoints(
                    options.AdvertisedIPAddress is { } address ? IPAddress.Parse(address) : IPAddress.Loopback,
                    options.SiloPort,
                    options.GatewayPort,
                    listenOnAnyHostAddress: options.AdvertisedIPAddress is not null);
                break;
            default:
                throw new InvalidOperationException($"{SiloOptions.Section}:{nameof(SiloOptions.Clustering)} is '{options.Clustering}'; use Localhost or AzureTable.");
        }

        return silo.AddCampaignStorage(storage);
    }

    /// <summary>
    /// Grain state on Azure Table storage, many grains' checkpoints per transaction (<see cref="TableCheckpointStorage"/>),
    /// written with the Orleans binary serializer: the record is one byte array, which JSON would inflate by a
    /// third with base64 and serialize far slower. The campaign directory and the ingest log live in the same account.
    /// </summary>
    public static ISiloBuilder AddCampaignStorage(this ISiloBuilder silo, string connectionString)
    {
        silo.Services.AddSingleton<ICampaignDirectory>(new TableCampaignDirectory(new TableServiceClient(connectionString, StorageClientOptions())));
        silo.Services.AddSingleton<IIngestLogStore>(services => new TableIngestLogStore(
            new TableServiceClient(connectionString, StorageClientOptions()), services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId));
        silo.AddAzureTableGrainStorage(LegacyStatisticsStorage, options => options.Configure<IServiceProvider>((table, services) =>
        {
            table.TableServiceClient = new TableServiceClient(connectionString, StorageClientOptions());
            table.TableName = LegacyStatisticsTable;
            table.GrainStorageSerializer = StorageSerializer(services);
        }));
        silo.Services.AddGrainStorage(StorageNames.Statistics, (services, _) =>
        {
            var tables = new TableServiceClient(connectionString, StorageClientOptions());
            var checkpoints = tables.GetTableClient(CheckpointTable);
            var log = services.GetRequiredService<IOptions<IngestLogOptions>>().Value;
            return new TableCheckpointStorage(
                checkpoints,
                services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
                log.CheckpointPartitions,
                new TableGroupCommit(checkpoints, log.MaxCheckpointCommitsInFlight, log.MaxTransactionBytes, GrainMetrics.CheckpointCommitDuration),
                StorageSerializer(services),
                new LegacyCheckpoints(tables.GetTableClient(LegacyStatisticsTable), services.GetRequiredKeyedService<IGrainStorage>(LegacyStatisticsStorage)),
                services.GetRequiredService<ILogger<TableCheckpointStorage>>());
        });
        return silo;
    }

    /// <summary>Records are one byte array each: the Orleans binary serializer, not JSON (see <see cref="AddCampaignStorage"/>).</summary>
    private static OrleansGrainStorageSerializer StorageSerializer(IServiceProvider services) => new(services.GetRequiredService<Serializer>());

    /// <summary>
    /// Retries that give up within seconds: while storage is down a write fails fast, so the producer hears
    /// UNAVAILABLE within its deadline instead of a call hanging through the SDK's default minute of retries.
    /// </summary>
    private static TableClientOptions StorageClientOptions()
    {
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 3;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(5);
        return options;
    }

    public static string RequiredConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(StorageConnectionName) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"ConnectionStrings:{StorageConnectionName} is not set (environment variable ConnectionStrings__{StorageConnectionName}): " +
                "the Azure Table storage account for grain state.");
}
