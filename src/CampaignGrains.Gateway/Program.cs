using CampaignGrains.Gateway;

GatewayApplication.Build(args).Run();
