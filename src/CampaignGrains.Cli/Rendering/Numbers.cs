using System.Globalization;
using CampaignGrains.Api.V1;
using Google.Protobuf.WellKnownTypes;

namespace CampaignGrains.Cli.Rendering;

/// <summary>How counts, rates and times read on a terminal: invariant, so output is the same everywhere.</summary>
internal static class Numbers
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A rate travels as a fraction and is absent when its denominator is zero: shown as a dash, never 0 %.</summary>
    public static string Percent(bool present, double fraction) =>
        present ? (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "–";

    public static string Time(Timestamp? time) =>
        time is null ? "–" : time.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);

    public static string Span(ReportSpan span)
    {
        var window = span.Window == Window.AllTime ? "all time" : "last 24 h";
        var width = span.BucketWidth?.ToTimeSpan() ?? TimeSpan.Zero;
        var bucket = width >= TimeSpan.FromDays(1) ? $"{width.TotalDays:0}-day" : width >= TimeSpan.FromHours(1) ? $"{width.TotalHours:0}-hour" : $"{width.TotalMinutes:0}-minute";
        return $"{window}: {Time(span.From)} → {Time(span.To)}, {bucket} buckets";
    }
}
