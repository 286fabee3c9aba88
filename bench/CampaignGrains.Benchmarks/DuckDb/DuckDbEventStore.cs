using System.Diagnostics;
using CampaignGrains.Benchmarks.Ingest;
using CampaignGrains.Benchmarks.Reads;
using DuckDB.NET.Data;

namespace CampaignGrains.Benchmarks.DuckDb;

/// <summary>
/// The design a modern team would pick for the same job: every event appended to a column store, the report
/// aggregated from it at read time with vectorised, parallel scans. DuckDB runs in this process on a
/// database file in the temporary directory (deleted on dispose), one thread per core; events are written
/// with its Appender, one appender (one commit) per batch.
/// </summary>
internal sealed class DuckDbEventStore : IDisposable
{
    private readonly EventPool _pool;
    private readonly string _path;
    private readonly DuckDBConnection _connection;

    private DuckDbEventStore(EventPool pool, string path, DuckDBConnection connection, string version, int threads)
    {
        _pool = pool;
        _path = path;
        _connection = connection;
        Version = version;
        Threads = threads;
    }

    /// <summary>DuckDB's own answer to <c>SELECT version()</c>.</summary>
    public string Version { get; }

    /// <summary>The threads DuckDB's scans use, as it reports them.</summary>
    public int Threads { get; }

    public static DuckDbEventStore Create(EventPool pool)
    {
        var path = Path.Combine(Path.GetTempPath(), $"campaigngrains-duckdb-{Guid.NewGuid():N}.duckdb");
        // A file, not :memory:, so every batch is a durable commit to the write-ahead log as PostgreSQL's COPY
        // is; threads stated rather than left to the default so the report can say what DuckDB was given.
        var connection = new DuckDBConnection($"Data Source={path};threads={Environment.ProcessorCount}");
        try
        {
            connection.Open();
            using var create = connection.CreateCommand();
            // PostgreSQL's columns, and no index: a column store prunes by the min/max it keeps for every
            // row group, and an ART index would only slow the appends.
            create.CommandText =
                """
                CREATE TABLE events (
                    campaign_id VARCHAR NOT NULL,
                    event_id VARCHAR NOT NULL,
                    channel SMALLINT NOT NULL,
                    kind SMALLINT NOT NULL,
                    bounce_type SMALLINT NOT NULL,
                    time TIMESTAMPTZ NOT NULL,
                    profile_id VARCHAR NOT NULL,
                    domain VARCHAR,
                    platform VARCHAR,
                    reason VARCHAR);
                """;
            create.ExecuteNonQuery();
            using var describe = connection.CreateCommand();
            describe.CommandText = "SELECT version(), current_setting('threads')";
            using var reader = describe.ExecuteReader();
            reader.Read();
            return new DuckDbEventStore(pool, path, connection, reader.GetString(0), Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture));
        }
        catch
        {
            connection.Dispose();
            DeleteFiles(path);
            throw;
        }
    }

    /// <summary>
    /// Appends events [<paramref name="from"/>, <paramref name="to"/>) in batches of <paramref name="batchSize"/>,
    /// in order, from one writer; returns the time taken.
    /// </summary>
    /// <remarks>
    /// One writer where PostgreSQL gets several: DuckDB is built around a single writer (only one process may
    /// open the file for writing, and inside it commits reach the log one at a time), and one appender filling
    /// its column buffers is the bulk path its documentation recommends. Closing the appender commits the batch.
    /// </remarks>
    public Task<TimeSpan> AppendAsync(string campaignId, long from, long to, int batchSize, CancellationToken cancellationToken) =>
        // The appender is synchronous native code: off the caller's thread, as PostgreSQL's writers are.
        Task.Run(() =>
        {
            var clock = Stopwatch.StartNew();
            for (var first = from; first < to; first += batchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var appender = _connection.CreateAppender("events");
                for (var sequence = first; sequence < Math.Min(first + batchSize, to); sequence++) AppendRow(appender, campaignId, sequence);
                appender.Close();
            }
            return clock.Elapsed;
        }, cancellationToken);

    private void AppendRow(DuckDBAppender appender, string campaignId, long sequence)
    {
        var e = _pool[sequence];
        var row = appender.CreateRow()
            .AppendValue(campaignId)
            .AppendValue($"e{sequence}")
            .AppendValue((short)e.Channel)
            .AppendValue((short)e.Kind)
            .AppendValue((short)e.BounceType)
            .AppendValue(e.Time.ToUniversalTime())
            .AppendValue(_pool.ProfileOf(sequence));
        AppendKey(row, e.Domain);
        AppendKey(row, e.Platform);
        AppendKey(row, e.Reason);
        row.EndRow();
    }

    private static void AppendKey(IDuckDBAppenderRow row, string? key)
    {
        if (string.IsNullOrWhiteSpace(key)) row.AppendNullValue();
        else row.AppendValue(key.Trim());
    }

    /// <summary>
    /// The Email tab for the last 24 hours, the same 7 aggregate queries as PostgreSQL's in one command:
    /// counts per kind, the five-minute series, unique openers and clickers, the three reason lists and the
    /// domain table. Returns the time from executing the command to having read every row.
    /// </summary>
    public async Task<TimeSpan> ReadEmailTabAsync(string campaignId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string window = "campaign_id = $campaign AND channel = 1 AND time >= $from AND time < $to";
        await using var command = _connection.CreateCommand();
        // DuckDB runs a command of several statements one after another and hands each result set to
        // NextResult in turn, so the 7 queries go in one call as PostgreSQL's batch does.
        command.CommandText = string.Join(";\n", (string[])
        [
            $"SELECT kind, bounce_type, count(*) FROM events WHERE {window} GROUP BY kind, bounce_type",
            $"SELECT floor(epoch(time) / 300)::BIGINT AS bucket, kind, bounce_type, count(*) FROM events WHERE {window} GROUP BY 1, 2, 3 ORDER BY 1",
            $"SELECT count(DISTINCT profile_id) FILTER (WHERE kind IN (7, 8)), count(DISTINCT profile_id) FILTER (WHERE kind = 8) FROM events WHERE {window}",
            $"SELECT reason, count(*) FILTER (WHERE bounce_type = 1), count(*) FILTER (WHERE bounce_type = 2), count(*) FILTER (WHERE bounce_type = 3), count(*) FROM events WHERE {window} AND kind = 5 AND reason IS NOT NULL GROUP BY reason ORDER BY count(*) DESC LIMIT 32",
            $"SELECT reason, count(*) FROM events WHERE {window} AND kind = 6 AND reason IS NOT NULL GROUP BY reason ORDER BY count(*) DESC LIMIT 32",
            $"SELECT reason, count(*) FROM events WHERE {window} AND kind = 2 AND reason IS NOT NULL GROUP BY reason ORDER BY count(*) DESC LIMIT 32",
            $"""
             SELECT domain, count(*) FILTER (WHERE kind = 3), count(*) FILTER (WHERE kind = 4), count(*) FILTER (WHERE kind = 5),
                    count(*) FILTER (WHERE kind = 7) AS opens, count(*) FILTER (WHERE kind = 8)
             FROM events WHERE {window} AND domain IS NOT NULL GROUP BY domain ORDER BY opens DESC LIMIT 64
             """,
        ]);
        command.Parameters.Add(new DuckDBParameter("campaign", campaignId));
        command.Parameters.Add(new DuckDBParameter("from", now.ToUniversalTime() - TimeSpan.FromHours(24)));
        command.Parameters.Add(new DuckDBParameter("to", now.ToUniversalTime() + TimeSpan.FromMinutes(5)));

        var clock = Stopwatch.StartNew();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAllAsync(cancellationToken);
        return clock.Elapsed;
    }

    public void Dispose()
    {
        _connection.Dispose();
        DeleteFiles(_path);
    }

    private static void DeleteFiles(string path)
    {
        foreach (var file in (string[])[path, $"{path}.wal"]) File.Delete(file);
    }
}
