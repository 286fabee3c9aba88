using CampaignGrains.Cli;
using Spectre.Console;

using var interrupt = new CancellationTokenSource();
// The first Ctrl-C cancels the command so it stops cleanly (calls cancelled, "Interrupted.", exit 130);
// a second one, while it is stopping, ends the process at once as usual.
Console.CancelKeyPress += (_, press) =>
{
    press.Cancel = !interrupt.IsCancellationRequested;
    interrupt.Cancel();
};
return await CampaignCtl.RunAsync(args, AnsiConsole.Console, Console.Error, interrupt.Token);
