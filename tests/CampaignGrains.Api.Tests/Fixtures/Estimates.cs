using CampaignGrains.Statistics;

namespace CampaignGrains.Api.Tests.Fixtures;

/// <summary>Unique counts are HyperLogLog estimates: allowed three standard errors per estimated term.</summary>
internal static class Estimates
{
    public static void AssertWithin(long expected, long actual, int precision, int terms)
    {
        var allowed = Math.Max(2, expected * terms * 3 * HyperLogLog.RelativeStandardError(precision));
        Assert.True(Math.Abs(actual - expected) <= allowed, $"expected {expected} ± {allowed:0}, got {actual}");
    }

    public static void AssertWithin(double expected, double actual, int precision, int terms)
    {
        var allowed = expected * terms * 3 * HyperLogLog.RelativeStandardError(precision) * 1.1;
        Assert.True(Math.Abs(actual - expected) <= allowed, $"expected {expected:P2} ± {allowed:P2}, got {actual:P2}");
    }
}
