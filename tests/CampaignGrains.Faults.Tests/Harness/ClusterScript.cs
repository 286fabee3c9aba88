using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace CampaignGrains.Faults.Tests.Harness;

/// <summary>
/// <c>./cluster.sh N</c> as a child process, on ports and a data folder of its own: what it printed, the
/// silos it started (index, pid, ports), and signals to it and to them.
/// </summary>
internal sealed partial class ClusterScript : IAsyncDisposable
{
    public const int SigKill = 9;
    public const int SigTerm = 15;
    private const int PortsPerSilo = 10;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<ScriptSilo> _silos = [];

    private ClusterScript(Process process, int basePort, int tablePort, string dataDirectory)
    {
        _process = process;
        BasePort = basePort;
        TablePort = tablePort;
        DataDirectory = dataDirectory;
    }

    public int BasePort { get; }

    public int TablePort { get; }

    public string DataDirectory { get; }

    public int ScriptPid => _process.Id;

    public bool HasExited => _process.HasExited;

    public IReadOnlyList<ScriptSilo> Silos => _silos;

    public string Output => string.Join('\n', _output);

    public string StorageConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    /// <summary>The script's silo index for an Orleans silo port (the script gives silo i the silo port BASE+3+10i).</summary>
    public int SiloIndexOfSiloPort(int siloPort) => (siloPort - BasePort - 3) / PortsPerSilo;

    /// <summary>Starts the script, and returns once it has printed its silo table and "cluster ready".</summary>
    public static async Task<ClusterScript> StartAsync(int silos, TimeSpan readyWithin, CancellationToken cancellationToken)
    {
        var repository = RepositoryRoot();
        var basePort = FreePortBlock(silos * PortsPerSilo + 5);
        var tablePort = FreePort.Next();
        var dataDirectory = Directory.CreateTempSubdirectory("campaigngrains-cluster-script-").FullName;
        var start = new ProcessStartInfo("bash", [Path.Combine(repository, "cluster.sh"), silos.ToString()])
        {
            WorkingDirectory = repository,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.Environment["CLUSTER_BASE_PORT"] = basePort.ToString();
        start.Environment["AZURITE_TABLE_PORT"] = tablePort.ToString();
        start.Environment["CLUSTER_DIR"] = dataDirectory;
        var script = new ClusterScript(Process.Start(start)!, basePort, tablePort, dataDirectory);
        script._process.OutputDataReceived += (_, line) => script.OnLine(line.Data);
        script._process.ErrorDataReceived += (_, line) => script.OnLine(line.Data);
        script._process.BeginOutputReadLine();
        script._process.BeginErrorReadLine();
        script._process.Exited += (_, _) => script._ready.TrySetException(new InvalidOperationException($"cluster.sh exited with code {script.ExitCodeOrNull()} before it was ready:\n{script.Output}"));
        script._process.EnableRaisingEvents = true;
        if (script._process.HasExited) script._ready.TrySetException(new InvalidOperationException($"cluster.sh exited at once:\n{script.Output}"));

        try
        {
            await script._ready.Task.WaitAsync(readyWithin, cancellationToken);
        }
        catch (TimeoutException)
        {
            await script.DisposeAsync();
            throw new TimeoutException($"cluster.sh did not print 'cluster ready' within {readyWithin.TotalSeconds:0} s:\n{script.Output}");
        }
        catch
        {
            await script.DisposeAsync();
            throw;
        }
        if (script._silos.Count != silos) throw new InvalidOperationException($"cluster.sh listed {script._silos.Count} silos, not {silos}:\n{script.Output}");
        return script;
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        if (SiloLine().Match(line) is { Success: true } silo)
        {
            lock (_silos)
                _silos.Add(new ScriptSilo(int.Parse(silo.Groups[1].Value), int.Parse(silo.Groups[2].Value), int.Parse(silo.Groups[3].Value), int.Parse(silo.Groups[4].Value)));
        }
        if (line.StartsWith("cluster ready:", StringComparison.Ordinal)) _ready.TrySetResult();
    }

    /// <summary>Sends a signal to the script, as Ctrl-C (SIGINT) or a service manager (SIGTERM) would.</summary>
    public void Signal(int signal) => _ = Kill(_process.Id, signal);

    public async Task<bool> WaitForExitAsync(TimeSpan within)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(within);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public static void SignalProcess(int pid, int signal) => _ = Kill(pid, signal);

    /// <summary>Alive, and not a zombie waiting to be reaped.</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state is not ("Z" or "X");
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private int? ExitCodeOrNull() => _process.HasExited ? _process.ExitCode : null;

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "cluster.sh")) && File.Exists(Path.Combine(directory.FullName, "CampaignGrains.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException($"No cluster.sh above {AppContext.BaseDirectory}.");
    }


    /// <summary>A run of consecutive free ports below the ephemeral range, where the OS's own picks do not land.</summary>
    private static int FreePortBlock(int count)
    {
        var random = new Random();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var start = random.Next(20_000, 32_000 - count) / 10 * 10;
            if (Enumerable.Range(start, count).All(IsFree)) return start;
        }
        throw new InvalidOperationException($"No {count} consecutive free ports found.");

        static bool IsFree(int port)
        {
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }
    }

    /// <summary>Whatever happened, nothing the script started outlives the test.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Signal(SigTerm);
            if (!await WaitForExitAsync(TimeSpan.FromSeconds(45))) _process.Kill(entireProcessTree: true);
        }
        foreach (var silo in _silos.Where(silo => IsAlive(silo.Pid))) SignalProcess(silo.Pid, SigKill);
        _process.Dispose();
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

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}

/// <summary>One silo as the script listed it.</summary>
internal sealed record ScriptSilo(int Index, int Pid, int GrpcPort, int WebPort);
