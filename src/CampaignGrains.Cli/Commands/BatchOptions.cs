using System.CommandLine;

namespace CampaignGrains.Cli.Commands;

/// <summary>The batching options ingest and simulate share.</summary>
internal static class BatchOptions
{
    private const int MaxRetries = 20;

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
}
