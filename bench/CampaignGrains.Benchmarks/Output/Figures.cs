using System.Globalization;

namespace CampaignGrains.Benchmarks.Output;

/// <summary>How numbers are printed: invariant culture, so the table reads the same on every machine.</summary>
internal static class Figures
{
    public static string Rate(double perSecond) => string.Create(CultureInfo.InvariantCulture, $"{perSecond:N0} ev/s");

    public static string Millis(double milliseconds) => milliseconds switch
    {
        >= 1_000 => string.Create(CultureInfo.InvariantCulture, $"{milliseconds / 1_000:N2} s"),
        >= 10 => string.Create(CultureInfo.InvariantCulture, $"{milliseconds:N1} ms"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{milliseconds:N3} ms"),
    };

    public static string Ratio(double ratio) => ratio switch
    {
        >= 100 => string.Create(CultureInfo.InvariantCulture, $"{ratio:N0}×"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{ratio:N2}×"),
    };

    public static string Bytes(double bytes) => bytes switch
    {
        >= 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024):N1} MB"),
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024:N1} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} B"),
    };

    public static string Seconds(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:N1} s");

    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);
}
