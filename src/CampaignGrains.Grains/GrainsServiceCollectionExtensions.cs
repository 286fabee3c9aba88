using CampaignGrains.Grains.Faults;
using CampaignGrains.Grains.Ingest;
using CampaignGrains.Grains.Log;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CampaignGrains.Grains;

public static class GrainsServiceCollectionExtensions
{
    /// <summary>The services the grains need: the statistics clock, ingest limits, the ingest log's settings, the profile hasher and the crash tests' kill points.</summary>
    public static IServiceCollection AddCampaignGrains(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(new StatisticsClock(TimeProvider.System));
        services.AddOptions<IngestOptions>()
            .Bind(configuration.GetSection(IngestOptions.Section))
            .Validate(options => ProfileHasher.ParseKey(options.ProfileHashKey) is not null, ProfileHasher.KeyRequirement)
            .Validate(options => options.MaxEventsPerBatch is > 0 and <= 100_000, $"{IngestOptions.Section}:{nameof(IngestOptions.MaxEventsPerBatch)} must be between 1 and 100000.")
            .Validate(options => options.FieldLimits.AreWithinCeilings, $"{IngestOptions.Section}:{nameof(IngestOptions.FieldLimits)}: each limit must be between 1 and its ceiling (see {nameof(FieldLimits)}).")
            .ValidateOnStart();
        services.AddOptions<IngestLogOptions>()
            .Bind(configuration.GetSection(IngestLogOptions.Section))
            .Validate(options => options.IsValid, $"{IngestLogOptions.Section}: Shards 1 to 256, CheckpointInterval at least 100 ms, CheckpointEvents at least 1, " +
                "KeyRetention 1 minute to 7 days, MaxTransactionBytes 64 KiB to 4 MiB - 64 KiB, MaxDeliveriesInFlight at least 1, CheckpointPartitions 1 to 999, MaxCheckpointCommitsInFlight at least 1.")
            .ValidateOnStart();
        services.AddSingleton<ProfileHasher>();
        services.AddOptions<FaultInjectionOptions>()
            .Bind(configuration.GetSection(FaultInjectionOptions.Section))
            .Validate(options => options.KillOnHit >= 1, $"{FaultInjectionOptions.Section}:{nameof(FaultInjectionOptions.KillOnHit)} must be at least 1.")
            .ValidateOnStart();
        services.AddSingleton<KillPoints>();
        return services;
    }
}
