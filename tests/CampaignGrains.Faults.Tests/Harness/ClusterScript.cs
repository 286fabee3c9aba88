using System.Text.RegularExpressions;

namespace CampaignGrains.Faults.Tests.Harness;

/// <summary>
/// <c>./cluster.sh N</c> as a child process, on ports and a data folder of its own: what it printed, the
/// silos it started (index, pid, ports), and signals to it and to them.
/// </summary>
internal sealed partial class ClusterScript : IAsyncDisposable
{
    private const int PortsPerSilo = 10;

    private readonly ScriptProcess _script;

    private ClusterScript(ScriptProcess script, int basePort, int tablePort, string dataDirectory, IReadOnlyList<ScriptSilo> silos)
    {
        _script = script;
        BasePort = basePort;
        TablePort = tablePort;
        DataDirectory = dataDirectory;
        Silos = silos;
    }

    public int BasePort { get; }

    public int TablePort { get; }

    public string DataDirectory { get; }

    public IReadOnlyList<ScriptSilo> Silos { get; }

    public string Output => _script.Output;

    public string StorageConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    /// <summary>The script's silo index for an Orleans silo port (the script gives silo i the silo port BASE+3+10i).</summary>
    public int SiloIndexOfSiloPort(int siloPort) => (siloPort - BasePort - 3) / PortsPerSilo;

    /// <summary>Starts the script, and returns once it has printed its silo table and "cluster ready".</summary>
    public static async Task<ClusterScript> StartAsync(int silos, TimeSpan readyWithin, CancellationToken cancellationToken)
    {
        var basePort = FreePortBlock(silos * PortsPerSilo + 5);
        var tablePort = FreePort.Next();
        var dataDirectory = Directory.CreateTempSubdirectory("campaigngrains-cluster-script-").FullName;
        var script = ScriptProcess.Start("cluster.sh", [silos.ToString()], new Dictionary<string, string>
        {
            ["CLUSTER_BASE_PORT"] = basePort.ToString(),
            ["AZURITE_TABLE_PORT"] = tablePort.ToString(),
            ["CLUSTER_DIR"] = dataDirectory,
        });
        try
        {
            await script.WaitForLineAsync(line => line.StartsWith("cluster ready:", StringComparison.Ordinal), readyWithin, cancellationToken);
        }
        catch
        {
            await script.DisposeAsync();
            throw;
        }

        var listed = script.Output.Split('\n').Select(line => SiloLine().Match(line)).Where(match => match.Success)
            .Select(silo => new ScriptSilo(int.Parse(silo.Groups[1].Value), int.Parse(silo.Groups[2].Value), int.Parse(silo.Groups[3].Value), int.Parse(silo.Groups[4].Value)))
            .ToList();
        var cluster = new ClusterScript(script, basePort, tablePort, dataDirectory, listed);
        if (listed.Count != silos)
        {
            await cluster.DisposeAsync();
            throw new InvalidOperationException($"cluster.sh listed {listed.Count} silos, not {silos}:\n{script.Output}");
        }
        return cluster;
    }

    /// <summary>Sends a signal to the script, as Ctrl-C (SIGINT) or a service manager (SIGTERM) would.</summary>
    public void Signal(int signal) => _script.Signal(signal);

    public Task<bool> WaitForExitAsync(TimeSpan within) => _script.WaitForExitAsync(within);

    /// <summary>A run of consecutive free ports below the ephemeral range, where the OS's own picks do not land.</summary>
    private static int FreePortBlock(int count)
    {
        var random = new Random();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var start = random.Next(20_000, 32_000 - count) / 10 * 10;
            if (Enumerable.Range(start, count).All(FreePort.IsFree)) return start;
        }
        throw new InvalidOperationException($"No {count} consecutive free ports found.");
    }

    /// <summary>Whatever happened, nothing the script started outlives the test.</summary>
    public async ValueTask DisposeAsync()
    {
        await _script.DisposeAsync();
        foreach (var silo in Silos.Where(silo => ScriptProcess.IsAlive(silo.Pid))) ScriptProcess.SignalProcess(silo.Pid, ScriptProcess.SigKill);
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [GeneratedRegex(@"^silo (\d+)\s+pid (\d+)\s+grpc 127\.0\.0\.1:(\d+)\s+web http://127\.0\.0\.1:(\d+)")]
    private static partial Regex SiloLine();
}

/// <summary>One silo as the script listed it.</summary>
internal sealed record ScriptSilo(int Index, int Pid, int GrpcPort, int WebPort);
