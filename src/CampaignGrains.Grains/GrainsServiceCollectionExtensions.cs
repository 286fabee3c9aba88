using CampaignGrains.Grains.Ingest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CampaignGrains.Grains;

public static class GrainsServiceCollectionExtensions
{
    /// <summary>The services the grains need: the statistics clock, ingest limits and the profile hasher.</summary>
    public static IServiceCollection AddCampaignGrains(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(new StatisticsClock(TimeProvider.System));
        services.AddOptions<IngestOptions>()
            .Bind(configuration.GetSection(IngestOptions.Section))
            .Validate(options => ProfileHasher.ParseKey(options.ProfileHashKey) is not null, ProfileHasher.KeyRequirement)
            .Validate(options => options.MaxEventsPerBatch is > 0 and <= 100_000, $"{IngestOptions.Section}:{nameof(IngestOptions.MaxEventsPerBatch)} must be between 1 and 100000.")
            .Validate(options => options.FieldLimits.AreWithinCeilings, $"{IngestOptions.Section}:{nameof(IngestOptions.FieldLimits)}: each limit must be between 1 and its ceiling (see {nameof(FieldLimits)}).")
            .ValidateOnStart();
        services.AddSingleton<ProfileHasher>();
        return services;
    }
}
