namespace CampaignGrains.Faults.Tests.Harness;

/// <summary>
/// The faults, in order, while the driver ingests: a silo killed with SIGKILL and restarted, another
/// (and with it the gateway it hosts) likewise, storage stopped for seconds and restarted, then a
/// rolling restart of every silo with SIGTERM.
/// </summary>
internal sealed class FaultSchedule(FaultCluster cluster, ITestOutputHelper? output)
{
    public List<string> Injected { get; } = [];

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
        await CrashAndRestartAsync(cluster.Silos[0], cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
        await CrashAndRestartAsync(cluster.Silos[1], cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);

        Record("Azurite stopped for 4 s");
        await cluster.Azurite.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(4), cancellationToken);
        await cluster.Azurite.RestartAsync();
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);

        foreach (var silo in cluster.Silos)
        {
            Record($"silo {silo.Index} SIGTERM and restart (rolling)");
            await silo.TerminateAsync(cancellationToken);
            await silo.StartAsync(cancellationToken);
        }
    }

    private async Task CrashAndRestartAsync(SiloProcess silo, CancellationToken cancellationToken)
    {
        Record($"silo {silo.Index} (and its gateway) SIGKILL, restarted after 2 s");
        await silo.KillAsync();
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        await silo.StartAsync(cancellationToken);
    }

    private void Record(string fault)
    {
        Injected.Add(fault);
        output?.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {fault}");
    }
}
