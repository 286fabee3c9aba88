namespace CampaignGrains.Abstractions;

public static class Rate
{
    /// <summary>A fraction (0.93 for 93 %); absent when the denominator is zero, never 0 or NaN.</summary>
    public static double? Of(long numerator, long denominator) =>
        denominator == 0 ? null : (double)numerator / denominator;
}
