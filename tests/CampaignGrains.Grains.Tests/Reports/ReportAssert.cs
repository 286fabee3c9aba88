using CampaignGrains.Statistics;

namespace CampaignGrains.Grains.Tests.Reports;

/// <summary>
/// Compares a grain's tab with the oracle's: every count exactly, unique counts (and the rates built
/// on them) within three standard errors of the sketch that produced them.
/// </summary>
internal static class ReportAssert
{
    public static void Equal(CampaignTab expected, CampaignTab? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Span, actual.Span);
        Assert.Equal((expected.Entered, expected.Excluded, expected.Delivered, expected.Errors), (actual.Entered, actual.Excluded, actual.Delivered, actual.Errors));
        Assert.Equal(expected.Channels, actual.Channels);
    }

    public static void Equal(EmailTab expected, EmailTab actual)
    {
        var precision = Precision(expected.Span.Window);
        Assert.Equal(expected.Span, actual.Span);
        Assert.Equal(expected.Totals, actual.Totals);
        Unique(expected.UniqueOpens, actual.UniqueOpens, precision, "unique opens");
        Unique(expected.UniqueClicks, actual.UniqueClicks, precision, "unique clicks");
        Assert.Equal(expected.Rates with { Open = null, ClickThrough = null, ClickToOpen = null }, actual.Rates with { Open = null, ClickThrough = null, ClickToOpen = null });
        RateFromUnique(expected.Rates.Open, actual.Rates.Open, precision, 1, "open rate");
        RateFromUnique(expected.Rates.ClickThrough, actual.Rates.ClickThrough, precision, 1, "click-through rate");
        RateFromUnique(expected.Rates.ClickToOpen, actual.Rates.ClickToOpen, precision, 2, "click-to-open rate");
        Assert.Equal(expected.Series, actual.Series);
        Equal(expected.BounceReasons, actual.BounceReasons);
        Equal(expected.ErrorReasons, actual.ErrorReasons);
        Equal(expected.ExcludeReasons, actual.ExcludeReasons);
        Assert.Equal(expected.Domains.Domains, actual.Domains.Domains);
        Assert.Equal(expected.Domains.Other, actual.Domains.Other);
        Assert.True(actual.Domains.IsExact);
    }

    public static void Equal(PushTab expected, PushTab actual)
    {
        var precision = Precision(expected.Span.Window);
        Assert.Equal(expected.Span, actual.Span);
        Assert.Equal(expected.Totals, actual.Totals);
        Unique(expected.UniqueOpens, actual.UniqueOpens, precision, "unique opens");
        Assert.Equal(expected.Rates with { Open = null }, actual.Rates with { Open = null });
        RateFromUnique(expected.Rates.Open, actual.Rates.Open, precision, 1, "open rate");
        Assert.Equal(expected.Series, actual.Series);
        Equal(expected.ErrorReasons, actual.ErrorReasons);
        Equal(expected.ExcludeReasons, actual.ExcludeReasons);
        Equal(expected.BounceReasons, actual.BounceReasons);
        Assert.Equal(expected.Platforms.Platforms, actual.Platforms.Platforms);
        Assert.Equal(expected.Platforms.Other, actual.Platforms.Other);
        Assert.True(actual.Platforms.IsExact);
    }

    private static void Equal(ReasonBreakdown expected, ReasonBreakdown actual)
    {
        Assert.Equal(expected.Reasons, actual.Reasons);
        Assert.Equal(expected.Other, actual.Other);
        Assert.True(actual.IsExact);
    }

    private static int Precision(ReportWindow window) =>
        window == ReportWindow.AllTime ? StatisticsShape.AllTimeUniquePrecision : StatisticsShape.HourlyUniquePrecision;

    private static double Tolerance(int precision) => 3 * HyperLogLog.RelativeStandardError(precision);

    private static void Unique(long expected, long actual, int precision, string what)
    {
        var allowed = Math.Max(2, expected * Tolerance(precision));
        Assert.True(Math.Abs(actual - expected) <= allowed, $"{what}: expected {expected} ± {allowed:0}, got {actual}");
    }

    /// <summary>A rate with <paramref name="estimates"/> estimated terms errs by at most that many unique-count tolerances.</summary>
    private static void RateFromUnique(double? expected, double? actual, int precision, int estimates, string what)
    {
        Assert.Equal(expected.HasValue, actual.HasValue);
        if (expected is not { } e || actual is not { } a) return;
        var allowed = e * estimates * Tolerance(precision) * 1.1;
        Assert.True(Math.Abs(a - e) <= allowed, $"{what}: expected {e:P2} ± {allowed:P2}, got {a:P2}");
    }
}
