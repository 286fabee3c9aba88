namespace CampaignGrains.Statistics.Tests;

/// <summary>Well-spread 64-bit hashes standing in for keyed profile hashes (SplitMix64).</summary>
internal static class ProfileHashes
{
    public static ulong Of(long profile)
    {
        var z = (ulong)profile + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
