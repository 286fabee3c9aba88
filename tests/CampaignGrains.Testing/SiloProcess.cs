using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CampaignGrains.Testing;

/// <summary>
/// One silo (with its co-hosted gateway) as a real operating-system process, so a crash is a real
/// SIGKILL and a shutdown a real SIGTERM, as Kafka's system tests do with brokers. It runs the
/// <c>CampaignGrains.Silo.dll</c> beside the caller's assembly (a project reference to the silo puts it there)
/// with <paramref name="configuration"/> (keys as <see cref="ClusterSettings"/> names them) as its environment.
/// Started again after a kill, it is a fresh process with the same settings and ports.
/// </summary>
public sealed class SiloProcess(int index, IReadOnlyDictionary<string, string?> configuration) : IAsyncDisposable
{
    private const int SigTerm = 15;
    private readonly List<Process> _exited = [];
    private Process? _process;

    public int Index { get; } = index;

    public int GrpcPort { get; } = int.Parse(configuration["Gateway:GrpcPort"]!);

    public int WebPort { get; } = int.Parse(configuration["Gateway:WebPort"]!);

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Working set in bytes and open file descriptors (sockets included), read from the OS.</summary>
    public (long WorkingSet, int Handles) Resources()
    {
        var process = _process ?? throw new InvalidOperationException($"Silo {Index} is not running.");
        process.Refresh();
        return (process.WorkingSet64, Directory.GetFileSystemEntries($"/proc/{process.Id}/fd").Length);
    }

    /// <summary>Starts the process; <paramref name="onlyThisStart"/> adds settings to this start and not to later ones (a fault to inject once).</summary>
    public async Task StartAsync(CancellationToken cancellationToken, IReadOnlyDictionary<string, string?>? onlyThisStart = null)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "CampaignGrains.Silo.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // As deployed, whatever the environment this process runs in says.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // Its output is thrown away: warnings only keep logging off the shared cores.
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // ASP.NET Core reads "__" in an environment variable's name as the ":" of a configuration key.
        foreach (var (key, value) in configuration.Concat(onlyThisStart ?? new Dictionary<string, string?>()))
        {
            if (value is not null) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        // The exited process is disposed with this object, not now: another thread may be asking whether it runs.
        if (_process is { } previous) _exited.Add(previous);
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitReadyAsync(cancellationToken);
    }

    /// <summary>Waits until the process exits by itself and answers its exit code (137 after a SIGKILL).</summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        var process = _process ?? throw new InvalidOperationException($"Silo {Index} was never started.");
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode;
    }

    /// <summary>kill -9: no shutdown code runs, in-flight calls and unwritten state are simply gone.</summary>
    public async Task KillAsync()
    {
        if (_process is not { HasExited: false } process) return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>SIGTERM: the host finishes in-flight calls and writes, leaves the cluster, then exits.</summary>
    public async Task TerminateAsync(CancellationToken cancellationToken)
    {
        if (_process is not { HasExited: false } process) return;
        _ = Kill(process.Id, SigTerm);
        await process.WaitForExitAsync(cancellationToken);
    }

    private async Task WaitReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{WebPort}"), Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; ; attempt++)
        {
            if (_process!.HasExited) throw new InvalidOperationException($"Silo {Index} exited with code {_process.ExitCode} while starting.");
            try
            {
                if ((await http.GetAsync("/health/ready", cancellationToken)).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Listening, not answering yet.
            }
            if (attempt >= 600) throw new TimeoutException($"Silo {Index} was not ready after a minute.");
            await Task.Delay(100, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        foreach (var exited in _exited) exited.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
