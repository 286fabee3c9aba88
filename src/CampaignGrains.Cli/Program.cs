using CampaignGrains.Cli;
using Spectre.Console;

using var interrupt = new CancellationTokenSource();
return await CampaignCtl.RunAsync(args, AnsiConsole.Console, Console.Error, interrupt.Token);
