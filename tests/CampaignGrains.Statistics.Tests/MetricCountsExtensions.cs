namespace CampaignGrains.Statistics.Tests;

internal static class MetricCountsExtensions
{
    public static long[] ToArray(this MetricCounts counts)
    {
        var values = new long[MetricCounts.Length];
        for (var i = 0; i < values.Length; i++) values[i] = counts[i];
        return values;
    }
}
