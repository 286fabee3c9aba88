using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace CampaignGrains.Testing;

/// <summary>
/// Runs a private Azurite table service (from the repo's <c>node_modules</c>) on a free
/// loopback port with its own temporary data directory. Data survives <see cref="RestartAsync"/>;
/// <see cref="DisposeAsync"/> stops the process and deletes the data directory.
/// </summary>
/// <remarks>
/// Azurite only flushes its table store to disk every few seconds or on a graceful shutdown, so
/// <see cref="StopAsync"/> first sends SIGINT (Azurite's graceful shutdown signal) and only kills the
/// process tree if it does not exit in time. On Windows there is no SIGINT, so the process is killed
/// directly and writes from the last few seconds may not survive a restart.
/// The child can never outlive the test process: it is killed on dispose, on <see cref="AppDomain.ProcessExit"/>
/// and on unhandled exceptions, and it exits by itself when its stdin pipe from this process closes
/// (which the OS does even if this process is killed outright).
/// </remarks>
public sealed class AzuriteServer : IAsyncDisposable
{
    private const string AccountName = "devstoreaccount1";

    private const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan GracefulStopTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    // Preloaded into Azurite's node process: exit as soon as our end of its stdin pipe closes, i.e. when
    // this process dies (however it dies). unref() keeps stdin from holding the event loop open after a
    // graceful shutdown. NODE_OPTIONS is split on whitespace, so this must not contain any.
    private const string ParentWatchdog =
        "--import=data:text/javascript,process.stdin.on('end',()=>process.exit(0)).resume().unref?.()";

    // Azurite prints this once a graceful (SIGINT) shutdown has flushed and closed its stores.
    private const string ClosedMessage = "Table service successfully closed";

    // Every Azurite process started by this class that may still be running, with its data directory.
    private static readonly ConcurrentDictionary<int, (Process Process, string DataDirectory)> LiveProcesses = new();

    static AzuriteServer()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAllLive();
        AppDomain.CurrentDomain.UnhandledException += (_, _) => KillAllLive();
    }

    private readonly string _executable;
    private readonly string _repoRoot;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Process? _process;
    private TaskCompletionSource _closed = NewClosedSignal();
    private bool _disposed;

    private AzuriteServer(string repoRoot, string executable, int port, string dataDirectory)
    {
        _repoRoot = repoRoot;
        _executable = executable;
        Port = port;
        DataDirectory = dataDirectory;
        ConnectionString = string.Create(
            CultureInfo.InvariantCulture,
            $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{port}/{AccountName};");
    }

    /// <summary>The loopback port the table service listens on (stable across restarts).</summary>
    public int Port { get; }

    /// <summary>Connection string for the well-known devstoreaccount1 account.</summary>
    public string ConnectionString { get; }

    /// <summary>The temporary workspace directory Azurite persists its data in.</summary>
    public string DataDirectory { get; }

    /// <summary>Whether the Azurite process is currently running.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts Azurite's table service on a free port with a fresh data directory.</summary>
    public static async Task<AzuriteServer> StartAsync(CancellationToken ct = default)
    {
        var repoRoot = RepositoryRoot.Path;
        var executable = Path.Combine(
            repoRoot,
            "node_modules",
            ".bin",
            OperatingSystem.IsWindows() ? "azurite-table.cmd" : "azurite-table");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Azurite was not found at '{executable}'. Run 'npm ci' in '{repoRoot}' to install it.");
        }

        var dataDirectory = Path.Combine(Path.GetTempPath(), "campaigngrains-azurite-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);

        var server = new AzuriteServer(repoRoot, executable, FreePort.Next(), dataDirectory);
        try
        {
            await server.StartProcessAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return server;
    }

    /// <summary>Kills the Azurite process (tree) and waits for it to exit. The data directory is kept.</summary>
    public async Task StopAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            await StopProcessAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops Azurite and starts it again on the same port and data directory, waiting until it is ready.</summary>
    public async Task RestartAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            await StopProcessAsync().ConfigureAwait(false);
            await StartProcessAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops Azurite and deletes its data directory.</summary>
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            await StopProcessAsync().ConfigureAwait(false);
            DeleteDataDirectory();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task StartProcessAsync(CancellationToken ct)
    {
        var output = new StringBuilder();
        var closed = NewClosedSignal();
        _closed = closed;

        var startInfo = new ProcessStartInfo(_executable)
        {
            WorkingDirectory = _repoRoot,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            CreateNoWindow = true,
        };
        foreach (var arg in new[]
                 {
                     "--tableHost", "127.0.0.1",
                     "--tablePort", Port.ToString(CultureInfo.InvariantCulture),
                     "--location", DataDirectory,
                     "--silent",
                     "--skipApiVersionCheck",
                     "--loose",
                     "--disableProductStyleUrl",
                     "--disableTelemetry",
                 })
        {
            startInfo.ArgumentList.Add(arg);
        }

        var nodeOptions = Environment.GetEnvironmentVariable("NODE_OPTIONS");
        startInfo.Environment["NODE_OPTIONS"] = string.IsNullOrWhiteSpace(nodeOptions)
            ? ParentWatchdog
            : nodeOptions + " " + ParentWatchdog;

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            Append(output, "stdout", e.Data);
            if (e.Data is not null && e.Data.Contains(ClosedMessage, StringComparison.Ordinal))
            {
                closed.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) => Append(output, "stderr", e.Data);

        if (!process.Start())
        {
            process.Dispose();
            throw new InvalidOperationException($"Failed to start '{_executable}'.");
        }

        _process = process;
        LiveProcesses[process.Id] = (process, DataDirectory);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        await WaitUntilReadyAsync(process, output, ct).ConfigureAwait(false);
    }

    private async Task WaitUntilReadyAsync(Process process, StringBuilder output, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            ct.ThrowIfCancellationRequested();

            if (process.HasExited)
            {
                // Let the async readers drain whatever is left.
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                LiveProcesses.TryRemove(process.Id, out _);
                throw new InvalidOperationException(
                    $"Azurite exited with code {process.ExitCode} before accepting connections on port {Port}.{Environment.NewLine}{Snapshot(output)}");
            }

            if (await CanConnectAsync(Port, ct).ConfigureAwait(false))
            {
                return;
            }

            if (stopwatch.Elapsed > StartupTimeout)
            {
                await StopProcessAsync().ConfigureAwait(false);
                throw new TimeoutException(
                    $"Azurite did not accept connections on port {Port} within {StartupTimeout.TotalSeconds:0} s.{Environment.NewLine}{Snapshot(output)}");
            }

            await Task.Delay(100, ct).ConfigureAwait(false);
        }
    }

    private async Task StopProcessAsync()
    {
        var process = _process;
        _process = null;
        if (process is null)
        {
            return;
        }

        try
        {
            if (!process.HasExited && !OperatingSystem.IsWindows() && SysKill(process.Id, SigInt) == 0)
            {
                // Azurite flushes its stores on SIGINT but does not always exit afterwards, so wait for
                // either the exit or its "closed" message, then make sure with a kill below.
                await Task.WhenAny(process.WaitForExitAsync(), _closed.Task, Task.Delay(GracefulStopTimeout))
                    .ConfigureAwait(false);
            }

            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(StopTimeout);
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // The process already exited.
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException(
                $"Azurite (pid {process.Id}) did not exit within {StopTimeout.TotalSeconds:0} s after being killed.");
        }
        finally
        {
            LiveProcesses.TryRemove(process.Id, out _);
            process.Dispose();
        }
    }

    private void DeleteDataDirectory()
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                if (Directory.Exists(DataDirectory))
                {
                    Directory.Delete(DataDirectory, recursive: true);
                }

                return;
            }
            catch (IOException) when (attempt < 4)
            {
                Thread.Sleep(200);
            }
            catch (UnauthorizedAccessException) when (attempt < 4)
            {
                Thread.Sleep(200);
            }
        }
    }

    private static async Task<bool> CanConnectAsync(int port, CancellationToken ct)
    {
        using var client = new TcpClient();
        using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        attemptTimeout.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, attemptTimeout.Token).ConfigureAwait(false);
            return client.Connected;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }

    private static TaskCompletionSource NewClosedSignal() =>
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static void Append(StringBuilder output, string stream, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Append('[').Append(stream).Append("] ").AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.Length == 0 ? "(no output from Azurite)" : "Azurite output:" + Environment.NewLine + output;
        }
    }

    private const int SigInt = 2;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SysKill(int pid, int signal);

    private static void KillAllLive()
    {
        foreach (var (id, (process, dataDirectory)) in LiveProcesses)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
            {
                // Best effort during shutdown.
            }

            LiveProcesses.TryRemove(id, out _);
            try
            {
                process.WaitForExit(2000);
                Directory.Delete(dataDirectory, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // Best effort during shutdown.
            }
        }
    }
}
