namespace CampaignGrains.Benchmarks.Micro;

/// <summary>The states the micro benchmarks work on, built once per process.</summary>
internal static class Samples
{
    /// <summary>The moment every sample is built for, so a typical campaign's events fall in the live window.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A mid-size send: 100,000 generated events, 12,500 profiles, about 10 days, 32 domains.</summary>
    public static GeneratedCampaign TypicalCampaign { get; } = CampaignGenerator.Generate(seed: 5, "micro", "typical", Now, eventCount: 100_000);
}
