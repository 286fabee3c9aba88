using System.Net;
using CampaignGrains.Api.Errors;
using CampaignGrains.Api.Health;
using CampaignGrains.Api.Observability;
using CampaignGrains.Api.Security;
using CampaignGrains.Api.Services;
using CampaignGrains.Api.Watching;
using CampaignGrains.Api.Widgets;
using Grpc.AspNetCore.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CampaignGrains.Api;

/// <summary>
/// Puts the gRPC gateway into a web host: the same code co-hosted in a silo and in the standalone
/// gateway, which differ only in how they reach the grains.
/// </summary>
public static class GatewayHosting
{
    private const string BrowserPolicy = "browsers";

    public static WebApplicationBuilder AddCampaignGateway(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(GatewayOptions.Section);
        var options = section.Get<GatewayOptions>() ?? new GatewayOptions();
        builder.Services.AddOptions<GatewayOptions>()
            .Bind(section)
            .Validate(o => o.WatchSnapshotsPerSecond > 0, $"{GatewayOptions.Section}:{nameof(GatewayOptions.WatchSnapshotsPerSecond)} must be above 0.")
            .Validate(o => IPAddress.TryParse(o.ListenAddress, out _), $"{GatewayOptions.Section}:{nameof(GatewayOptions.ListenAddress)} must be an IP address.")
            .ValidateOnStart();

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.Http2.MaxStreamsPerConnection = options.MaxStreamsPerConnection;
            var address = IPAddress.Parse(options.ListenAddress);
            // Without TLS, Kestrel speaks HTTP/2 only on an endpoint that speaks nothing else: hence two ports.
            kestrel.Listen(address, options.GrpcPort, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Listen(address, options.WebPort, listen => listen.Protocols = HttpProtocols.Http1);
        });

        builder.AddCampaignSecurity();
        builder.AddCampaignTelemetry();
        builder.Services.AddOptions<RateLimitOptions>().Bind(builder.Configuration.GetSection(RateLimitOptions.Section))
            .Validate(o => o.IngestBatchesPerPeriod > 0 && o.IngestBurst > 0 && o.ReadsPerPeriod > 0 && o.ReadBurst > 0 && o.Period > TimeSpan.Zero,
                $"{RateLimitOptions.Section}: every rate, burst and the period must be above 0.")
            .ValidateOnStart();
        builder.Services.AddSingleton<TenantRateLimiter>();

        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = options.MaxReceiveMessageBytes;
            // Outermost first: errors of every later stage are mapped; the limit is checked before any grain call.
            grpc.Interceptors.Add<ErrorMappingInterceptor>();
            grpc.Interceptors.Add<RateLimitInterceptor>();
        });
        // The services are bound by hand (see StrictMessages), so reflection is told their descriptors.
        builder.Services.AddSingleton(new Grpc.Reflection.ReflectionServiceImpl(
            V1.IngestService.Descriptor, V1.ReportService.Descriptor, Grpc.Health.V1.Health.Descriptor));
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks(health => health.UseHealthChecksCache = false)
            .AddCheck<ClusterHealthCheck>("cluster", tags: ["ready"]);
        builder.Services.AddCors(cors => cors.AddPolicy(BrowserPolicy, policy =>
        {
            if (options.CorsOrigins.Contains("*")) policy.AllowAnyOrigin();
            else policy.WithOrigins(options.CorsOrigins);
            policy.AllowAnyHeader().AllowAnyMethod().WithExposedHeaders("Grpc-Status", "Grpc-Message", "Grpc-Encoding", "Grpc-Accept-Encoding", "Grpc-Status-Details-Bin");
        }));
        builder.Services.TryAddSingleton(services => new WatchThrottle(TimeProvider.System, services.GetRequiredService<IOptions<GatewayOptions>>()));
        builder.Services.AddSingleton<ReportReader>();
        builder.Services.AddSingleton<ReportWatcher>();
        return builder;
    }

    public static WebApplication MapCampaignGateway(this WebApplication app)
    {
        app.UseGrpcWeb(new GrpcWebOptions { DefaultEnabled = true });
        // One policy for everything a browser on a host page loads: the widget bundle and gRPC-Web calls.
        app.UseCors(BrowserPolicy);
        app.UseWidgets();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGrpcService<IngestService>().RequireAuthorization(Policies.Ingest);
        app.MapGrpcService<ReportService>().RequireAuthorization(Policies.Reports);
        app.MapGrpcReflectionService().RequireAuthorization(Policies.Admin);
        app.MapGrpcHealthChecksService();
        app.MapCampaignTelemetry();
        // Liveness never calls a grain: a busy or partitioned cluster must not get the pod restarted.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }
}
