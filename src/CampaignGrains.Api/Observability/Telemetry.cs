using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CampaignGrains.Api.Observability;

/// <summary>
/// OpenTelemetry metrics (ours, Orleans', ASP.NET Core's) scraped by Prometheus at /metrics on the web
/// port, traces of gRPC calls and grain calls (exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is
/// set), and log records that carry the trace and span ids.
/// </summary>
internal static class Telemetry
{
    public const string MeterName = "CampaignGrains";

    public static void AddCampaignTelemetry(this WebApplicationBuilder builder)
    {
        builder.Logging.Configure(logging => logging.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        var otlp = !string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(MeterName, "Microsoft.Orleans").AddAspNetCoreInstrumentation().AddPrometheusExporter();
                if (otlp) metrics.AddOtlpExporter();
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application").AddAspNetCoreInstrumentation();
                if (otlp) tracing.AddOtlpExporter();
            });
    }

    public static void MapCampaignTelemetry(this WebApplication app) => app.MapPrometheusScrapingEndpoint("/metrics");
}
