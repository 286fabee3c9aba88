using System.Diagnostics;

namespace CampaignGrains.Benchmarks.Postgres;

/// <summary>
/// A private PostgreSQL server from Debian's package: a fresh cluster in a temporary directory on a free
/// loopback port, dropped with its data at the end. PostgreSQL refuses to run as root, so as root every
/// server command runs as the postgres user.
/// </summary>
internal sealed class PostgresServer : IAsyncDisposable
{
    /// <summary>
    /// What an experienced operator gives a write-heavy server on a 24 GB machine; durability stays at the
    /// defaults (fsync, synchronous_commit on), since the stack's acknowledgements are durable too.
    /// </summary>
    public const string Settings =
        "-c shared_buffers=2GB -c work_mem=64MB -c maintenance_work_mem=512MB -c max_wal_size=8GB -c checkpoint_timeout=30min";

    private readonly string _bin;
    private readonly string _dataDirectory;

    private PostgresServer(string bin, string dataDirectory, int port, string version)
    {
        _bin = bin;
        _dataDirectory = dataDirectory;
        Version = version;
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=bench;Database=postgres;Pooling=true;Maximum Pool Size=64;Command Timeout=600";
    }

    public string ConnectionString { get; }

    public string Version { get; }

    /// <summary>Null, with the reason in <paramref name="skipped"/>, when PostgreSQL is not installed and cannot be.</summary>
    public static async Task<PostgresServer?> StartAsync(bool mayInstall, Action<string> skipped, CancellationToken cancellationToken)
    {
        var bin = FindBinDirectory();
        if (bin is null && mayInstall && IsRoot)
        {
            // A fresh machine has no package lists yet.
            await RunAsync("apt-get", ["update", "-qq"], asPostgres: false, cancellationToken, tolerateFailure: true);
            await RunAsync("apt-get", ["install", "-y", "-qq", "postgresql"], asPostgres: false, cancellationToken, tolerateFailure: true);
            bin = FindBinDirectory();
        }
        if (bin is null)
        {
            skipped(IsRoot
                ? "PostgreSQL is not installed (Debian's postgresql package; the full run installs it with apt-get)."
                : "PostgreSQL is not installed: run `sudo apt-get install -y postgresql` (Debian's package) and run the benchmark again.");
            return null;
        }

        var dataDirectory = Path.Combine(Path.GetTempPath(), $"campaigngrains-postgres-{Guid.NewGuid():N}");
        var port = FreePort.Next();
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", dataDirectory, "-U", "bench", "--auth=trust", "-E", "UTF8", "--locale=C"], IsRoot, cancellationToken);
        var server = new PostgresServer(bin, dataDirectory, port, Path.GetFileName(Path.GetDirectoryName(bin)) ?? "");
        try
        {
            await RunAsync(Path.Combine(bin, "pg_ctl"),
                ["-D", dataDirectory, "-l", Path.Combine(dataDirectory, "server.log"), "-w", "-t", "60",
                 "-o", $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={dataDirectory} {Settings}", "start"],
                IsRoot, cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", _dataDirectory, "-m", "immediate", "-w", "stop"], IsRoot, CancellationToken.None, tolerateFailure: true);
        if (Directory.Exists(_dataDirectory)) Directory.Delete(_dataDirectory, recursive: true);
    }

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>Debian installs each major version under /usr/lib/postgresql/N/bin; the newest wins.</summary>
    private static string? FindBinDirectory()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root)) return null;
        return Directory.GetDirectories(root)
            .Select(version => Path.Combine(version, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
            .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
            .FirstOrDefault();
    }

    private static async Task RunAsync(string file, string[] arguments, bool asPostgres, CancellationToken cancellationToken, bool tolerateFailure = false)
    {
        var start = asPostgres ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", file, .. arguments]) : new ProcessStartInfo(file, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        // The server must not keep this process's stdout open: the caller may be reading it to its end.
        start.RedirectStandardInput = true;
        // PostgreSQL times out its own reads under libfaketime (scripts/test-shifted-clock.sh): it keeps the real clock.
        start.Environment.Remove("LD_PRELOAD");
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0 && !tolerateFailure)
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await errors}{await output}");
    }
}
