using System.Globalization;

namespace CampaignGrains.Cli.Tests.Fixtures;

/// <summary>A simulate command line small and fast enough for tests, with a fixed span end so reruns are the same simulation.</summary>
public static class Simulated
{
    public static string[] Args(string campaign, int recipients, int seed = 1, DateTimeOffset? end = null, params string[] more) =>
    [
        "simulate", campaign, "--recipients", recipients.ToString(CultureInfo.InvariantCulture), "--seed", seed.ToString(CultureInfo.InvariantCulture),
        "--rate", "1000000", "--span", "6h", "--end", (end ?? DateTimeOffset.UtcNow).ToString("O", CultureInfo.InvariantCulture), .. more,
    ];
}
