using System.Diagnostics;
using CampaignGrains.Benchmarks.DuckDb;
using CampaignGrains.Benchmarks.Ingest;
using CampaignGrains.Benchmarks.Memory;
using CampaignGrains.Benchmarks.Output;
using CampaignGrains.Benchmarks.Postgres;
using CampaignGrains.Benchmarks.Reads;
using CampaignGrains.Benchmarks.Recovery;
using CampaignGrains.Benchmarks.Stack;
using Npgsql;

namespace CampaignGrains.Benchmarks;

/// <summary>
/// The whole run: memory on a fresh silo first (nothing else active yet), then one campaign grown to each
/// read level, compared with PostgreSQL and DuckDB along the way, then the replay after a SIGKILL of a silo
/// process of its own, then the ingest shapes. The table goes to stdout
/// (and to <c>--out</c>); progress goes to stderr.
/// </summary>
public static class EndToEndBenchmark
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken = default)
    {
        var settings = BenchmarkSettings.Parse(args);
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var report = new MarkdownReport(settings.Smoke);
        void Progress(string step) => Console.Error.WriteLine($"[{clock.Elapsed:mm\\:ss}] {step}");

        report.Note("Stack: the production silo with its co-hosted gateway (`SiloApplication.Build`), Azure Table storage on Azurite, in this process; " +
                    "every call over loopback gRPC (HTTP/2 without TLS) with a bearer token, as a producer's would be.");
        report.Note($"Rate limits raised to {SiloUnderTest.RateLimit:N0} batches and reads per second for the benchmark tenant, so they never throttle it; " +
                    "the batch limit stays at its default of 10,000 events (`Ingest:MaxEventsPerBatch`), which the largest batch fits.");
        report.Note("No-op sink: a minimal ASP.NET Core gRPC server in this process, same Kestrel h2c setup, parsing the identical requests and answering as a fully accepted batch; " +
                    "its GetEmailTab returns the tab the gateway served at that level.");
        report.Note("Ingest: closed-loop producers, events spread uniformly over the campaigns; one axis at a time around the baseline (batch 1,000, 100 campaigns, 8 producers) plus the two corners. " +
                    "Reads: open loop at a fixed rate, latency from each call's intended send time, while the same campaign takes 1,000 events/s.");
        report.Note("Durability differs: Azurite acknowledges a write it holds in memory and flushes to disk every few seconds; PostgreSQL fsyncs every commit (default settings).");

        Progress("generating events");
        var pool = new EventPool(settings.Smoke ? 20_000 : 200_000, started);
        Progress("starting Azurite, the silo and the no-op sink");
        await using var silo = await SiloUnderTest.StartAsync(cancellationToken);
        await using var sink = await NoOpSink.StartAsync(cancellationToken);

        if (settings.Runs("memory"))
        {
            Progress("memory");
            await new MemoryFootprint(silo, settings, report).RunAsync(cancellationToken);
        }
        if (settings.Runs("reads"))
        {
            Progress("starting PostgreSQL");
            await using var postgres = await PostgresServer.StartAsync(mayInstall: !settings.Smoke, report.Note, cancellationToken);
            await using var dataSource = postgres is null ? null : NpgsqlDataSource.Create(postgres.ConnectionString);
            PostgresEventStore? events = null;
            if (postgres is not null && dataSource is not null)
            {
                events = new PostgresEventStore(dataSource, pool);
                await events.CreateAsync(cancellationToken);
                report.Note($"PostgreSQL {postgres.Version} (Debian's package), started by the benchmark on loopback with `{PostgresServer.Settings}`; " +
                            "table `events` with an index on (campaign_id, time); the Email tab is 7 aggregate queries in one round trip.");
            }
            Progress("starting DuckDB");
            // Closed before the ingest shapes: its buffer pool lives in this process, beside the silo.
            using (var duckDb = DuckDbEventStore.Create(pool))
            {
                report.Note($"DuckDB {duckDb.Version} (the DuckDB.NET.Data.Full package's native library), in this process on a database file in the temporary directory " +
                            $"with threads = {duckDb.Threads} (the machine's cores); table `events` with PostgreSQL's columns and no index (its row groups' min/max prune the scans); " +
                            "one writer, one Appender (one commit) per batch of the same events in the same order; the Email tab is the same 7 aggregate queries in one command.");
                Progress("reads, and PostgreSQL and DuckDB at the comparison levels");
                await new ReadsAgainstEvents(silo, sink, pool, events, duckDb, settings, report).RunAsync(cancellationToken);
            }
        }
        // Before the ingest shapes: the tens of thousands of grains their fan-out leaves active keep Azurite
        // busy with checkpoints, which would slow the replayed silo's start and its reads.
        if (settings.Runs("replay"))
        {
            Progress("replay after a SIGKILL");
            await new ReplayAfterKill(silo, pool, settings, report).RunAsync(cancellationToken);
        }
        // Last: the 10,000-campaign shapes fill Azurite with tens of thousands of rows, which slows every later write.
        if (settings.Runs("ingest"))
        {
            Progress("ingest shapes");
            await new IngestMatrix(silo, sink, pool, settings, report).RunAsync(cancellationToken);
        }

        var table = report.Render(started, clock.Elapsed);
        await output.WriteAsync(table);
        // `dotnet run --project` starts the program in the project's folder, so a relative path means the repository's.
        if (settings.OutputPath is { } path) await File.WriteAllTextAsync(Path.Combine(RepositoryRoot.Path, path), table, cancellationToken);
        Progress("done");
        return 0;
    }
}
