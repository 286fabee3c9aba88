using CampaignGrains.Silo;

if (args is [DevelopmentTokenCommand.Name, .. var options]) return DevelopmentTokenCommand.Run(options);
SiloApplication.Build(args).Run();
return 0;
