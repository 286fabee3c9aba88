using CampaignGrains.Api;
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
        builder.UseOrleans(silo => silo.ConfigureCampaignSilo(builder.Configuration));
        builder.AddCampaignGateway();

        var app = builder.Build();
        app.MapCampaignGateway();
        return app;
    }
}
