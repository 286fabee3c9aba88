using Azure.Data.Tables;
using CampaignGrains.Api;
using Orleans.Configuration;

namespace CampaignGrains.Gateway;

/// <summary>
/// The gRPC gateway on its own: joins the cluster as an Orleans client, for deployments that scale
/// gateways apart from silos. Serves exactly what a silo's co-hosted gateway serves.
/// </summary>
public static class GatewayApplication
{
    public const string StorageConnectionName = "Storage";

    /// <param name="configure">Runs first, so a test can add configuration and services.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        var options = builder.Configuration.GetSection(ClusterClientOptions.Section).Get<ClusterClientOptions>() ?? new ClusterClientOptions();
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = options.ClusterId;
                cluster.ServiceId = options.ServiceId;
            });
            switch (options.Clustering)
            {
                case "Localhost":
                    client.UseLocalhostClustering(options.GatewayPort, options.ServiceId, options.ClusterId);
                    break;
                case "AzureTable":
                    var storage = builder.Configuration.GetConnectionString(StorageConnectionName) is { Length: > 0 } value
                        ? value
                        : throw new InvalidOperationException(
                            $"ConnectionStrings:{StorageConnectionName} (environment variable ConnectionStrings__{StorageConnectionName}) is not set: " +
                            "the storage account whose membership table lists the silos.");
                    client.UseAzureStorageClustering(clustering => clustering.TableServiceClient = new TableServiceClient(storage));
                    break;
                default:
                    throw new InvalidOperationException($"{ClusterClientOptions.Section}:{nameof(ClusterClientOptions.Clustering)} is '{options.Clustering}'; use Localhost or AzureTable.");
            }
        });
        builder.AddCampaignGateway();

        var app = builder.Build();
        app.MapCampaignGateway();
        return app;
    }
}
