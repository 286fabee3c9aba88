using CampaignGrains.Grains;
using CampaignGrains.Silo;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCampaignGrains(builder.Configuration);
builder.UseOrleans(silo => silo.ConfigureCampaignSilo(builder.Configuration));
builder.Services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster", tags: ["ready"]);

var app = builder.Build();
app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });
app.Run();
