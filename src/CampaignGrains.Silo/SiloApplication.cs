using CampaignGrains.Api;
using CampaignGrains.Api.Security;
using Orleans.Dashboard;
using CampaignGrains.Grains;

namespace CampaignGrains.Silo;

/// <summary>A silo with the gRPC gateway co-hosted: the one-machine deployment and the default.</summary>
public static class SiloApplication
{
    /// <param name="configure">Runs first, so a test can add configuration and services.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        builder.Services.AddCampaignGrains(builder.Configuration);
        var dashboard = builder.Configuration.GetValue<bool>("Dashboard:Enabled");
        builder.UseOrleans(silo =>
        {
            silo.ConfigureCampaignSilo(builder.Configuration);
            if (dashboard) silo.AddDashboard();
        });
        builder.AddCampaignGateway();

        var app = builder.Build();
        app.MapCampaignGateway();
        // The Orleans dashboard shows every grain of every tenant: operators only.
        if (dashboard) app.MapOrleansDashboard("/dashboard").RequireAuthorization(Policies.Admin);
        return app;
    }
}
