using CampaignGrains.Silo;

SiloApplication.Build(args).Run();
