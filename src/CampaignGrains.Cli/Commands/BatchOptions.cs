using System.CommandLine;

namespace CampaignGrains.Cli.Commands;

/// <summary>The batching options ingest and simulate share.</summary>
internal static class BatchOptions
{
    private const int MaxRetries = 20;

    /// <summary>Enough to hide a round trip's latency many times over; more only queues work at the gateway.</summary>
    private const int MaxParallel = 64;

    public static Option<int> BatchSize(int defaultSize, int maxSize)
    {
        var option = new Option<int>("--batch-size") { Description = $"Events per Ingest call, 1 to {maxSize}", DefaultValueFactory = _ => defaultSize };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 || result.GetValueOrDefault<int>() > maxSize)
                result.AddError($"--batch-size must be between 1 and {maxSize}.");
        });
        return option;
    }

    public static Option<int> Retries()
    {
        var option = new Option<int>("--retries")
        {
            Description = "Retries of a batch on UNAVAILABLE, DEADLINE_EXCEEDED or RESOURCE_EXHAUSTED, with the same key",
            DefaultValueFactory = _ => 5,
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > MaxRetries) result.AddError($"--retries must be between 0 and {MaxRetries}.");
        });
        return option;
    }

    public static Option<int> Parallel()
    {
        var option = new Option<int>("--parallel")
        {
            Description = $"Batches in flight at once, 1 to {MaxParallel}: the server counts them in any order, and a retry keeps its key",
            DefaultValueFactory = _ => 4,
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > MaxParallel) result.AddError($"--parallel must be between 1 and {MaxParallel}.");
        });
        return option;
    }
}
