using System.Diagnostics.Metrics;

namespace CampaignGrains.Api.Observability;

/// <summary>The gateway's instruments, in the same "CampaignGrains" meter as the grains'.</summary>
internal static class GatewayMetrics
{
    private static readonly Meter Meter = new(Telemetry.MeterName);

    public static readonly Histogram<double> ReportDuration = Meter.CreateHistogram<double>(
        "campaigngrains.report.duration", "s", "Duration of reading a report (one or more tabs) from the grains.");
}
