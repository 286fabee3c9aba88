using CampaignGrains.Grains.Ingest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CampaignGrains.Grains;

public static class GrainsServiceCollectionExtensions
{
    /// <summary>The services the grains need: the clock, ingest limits and the profile hasher.</summary>
    public static IServiceCollection AddCampaignGrains(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<IngestOptions>().Bind(configuration.GetSection(IngestOptions.Section));
        services.AddSingleton<ProfileHasher>();
        return services;
    }
}
