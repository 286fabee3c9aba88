using CampaignGrains.Api.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CampaignGrains.Api.Widgets;

/// <summary>
/// Serves the embeddable widget bundle at a stable path, /widgets/campaign-widgets.js, and in
/// Development a demo host page at /demo/ with a token endpoint for it.
/// </summary>
internal static class WidgetHosting
{
    public const string DemoTenant = "demo";

    public static WebApplication UseWidgets(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value;
        var directory = Path.Combine(AppContext.BaseDirectory, options.WidgetsDirectory);
        if (!Directory.Exists(directory)) return app;

        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(directory),
            RequestPath = "/widgets",
            // Hosts cache the bundle briefly: a new release reaches them within minutes.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=300",
        });

        var demo = Path.Combine(directory, "demo");
        if (app.Environment.IsDevelopment() && Directory.Exists(demo))
        {
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = new PhysicalFileProvider(demo), RequestPath = "/demo" });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(demo), RequestPath = "/demo" });
            app.MapGet("/demo/token", (IOptions<AuthOptions> auth) => DemoToken(auth.Value));
        }
        return app;
    }

    /// <summary>A short-lived read token of the development issuer for the demo tenant: Development only.</summary>
    private static IResult DemoToken(AuthOptions auth) =>
        string.IsNullOrEmpty(auth.DevelopmentSigningKey)
            ? Results.NotFound()
            : Results.Json(new
            {
                token = DevelopmentTokens.Mint(auth.DevelopmentSigningKey, auth.Issuer, auth.Audience, DemoTenant, [Scopes.ReportsRead], TimeSpan.FromHours(1), tenantClaim: auth.TenantClaim),
            });
}
