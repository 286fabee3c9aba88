using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CampaignGrains.Testing;

/// <summary>
/// One of the repository's scripts (<c>run.sh</c>, <c>cluster.sh</c>) run as a user runs it, by bash from the
/// repository root: everything it prints, waiting for a line, and signals to it and to the processes it started.
/// </summary>
public sealed class ScriptProcess : IAsyncDisposable
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly List<(Func<string, bool> Matches, TaskCompletionSource<string> Seen)> _waiters = [];

    private ScriptProcess(Process process) => _process = process;

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output => string.Join('\n', _output);

    public static ScriptProcess Start(string script, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot.Path, script), .. arguments])
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var (name, value) in environment) start.Environment[name] = value;
        var started = new ScriptProcess(Process.Start(start)!);
        started._process.OutputDataReceived += (_, line) => started.OnLine(line.Data);
        started._process.ErrorDataReceived += (_, line) => started.OnLine(line.Data);
        started._process.BeginOutputReadLine();
        started._process.BeginErrorReadLine();
        return started;
    }

    /// <summary>The first line matching <paramref name="matches"/>; fails with everything printed if the script exits or time runs out first.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> matches, TimeSpan within, CancellationToken cancellationToken)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            if (_output.FirstOrDefault(matches) is { } earlier) return earlier;
            _waiters.Add((matches, seen));
        }
        var exited = _process.WaitForExitAsync(cancellationToken);
        var first = await Task.WhenAny(seen.Task, exited, Task.Delay(within, cancellationToken));
        if (first == seen.Task) return await seen.Task;
        cancellationToken.ThrowIfCancellationRequested();
        throw new InvalidOperationException(first == exited
            ? $"{Path.GetFileName(_process.StartInfo.ArgumentList[0])} exited with code {_process.ExitCode} before printing the line awaited:\n{Output}"
            : $"{Path.GetFileName(_process.StartInfo.ArgumentList[0])} did not print the line awaited within {within.TotalSeconds:0} s:\n{Output}");
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        lock (_waiters)
        {
            _output.Enqueue(line);
            foreach (var waiter in _waiters.Where(waiter => waiter.Matches(line))) waiter.Seen.TrySetResult(line);
        }
    }

    /// <summary>Sends a signal to the script, as Ctrl-C (SIGINT) or a service manager (SIGTERM) would.</summary>
    public void Signal(int signal) => SignalProcess(_process.Id, signal);

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

    /// <summary>Whatever happened, the script does not outlive the test: SIGTERM (its own cleanup), then SIGKILL of its tree.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Signal(SigTerm);
            if (!await WaitForExitAsync(TimeSpan.FromSeconds(45))) _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
