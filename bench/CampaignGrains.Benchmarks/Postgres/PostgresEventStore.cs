using System.Diagnostics;
using CampaignGrains.Benchmarks.Ingest;
using CampaignGrains.Benchmarks.Reads;
using Npgsql;
using NpgsqlTypes;

namespace CampaignGrains.Benchmarks.Postgres;

/// <summary>
/// The design listmonk and Mautic use: every event appended to one table, the report aggregated from it
/// at read time. Events are written with binary COPY, one COPY (one durable commit) per batch.
/// </summary>
internal sealed class PostgresEventStore(NpgsqlDataSource dataSource, EventPool pool)
{
    private const string Columns = "campaign_id, event_id, channel, kind, bounce_type, time, profile_id, domain, platform, reason";

    public async Task CreateAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            CREATE TABLE events (
                campaign_id text NOT NULL,
                event_id text NOT NULL,
                channel smallint NOT NULL,
                kind smallint NOT NULL,
                bounce_type smallint NOT NULL,
                time timestamptz NOT NULL,
                profile_id text NOT NULL,
                domain text,
                platform text,
                reason text);
            -- Every report query reads one campaign over a time range.
            CREATE INDEX events_campaign_time ON events (campaign_id, time);
            """);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Copies events [<paramref name="from"/>, <paramref name="to"/>) in batches, <paramref name="writers"/> connections at once; returns the time taken.</summary>
    public async Task<TimeSpan> AppendAsync(string campaignId, long from, long to, int batchSize, int writers, CancellationToken cancellationToken)
    {
        var next = from - batchSize;
        var clock = Stopwatch.StartNew();

        async Task WriteAsync()
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            for (var first = Interlocked.Add(ref next, batchSize); first < to; first = Interlocked.Add(ref next, batchSize))
            {
                // Synchronous writes into COPY's buffer: Npgsql's fastest path, so PostgreSQL gets its best case.
                using var copy = connection.BeginBinaryImport($"COPY events ({Columns}) FROM STDIN (FORMAT BINARY)");
                for (var sequence = first; sequence < Math.Min(first + batchSize, to); sequence++) WriteRow(copy, campaignId, sequence);
                copy.Complete();
            }
        }

        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(WriteAsync, cancellationToken)));
        var took = clock.Elapsed;
        await using var analyze = dataSource.CreateCommand("ANALYZE events");
        await analyze.ExecuteNonQueryAsync(cancellationToken);
        return took;
    }

    private void WriteRow(NpgsqlBinaryImporter copy, string campaignId, long sequence)
    {
        var e = pool[sequence];
        copy.StartRow();
        copy.Write(campaignId, NpgsqlDbType.Text);
        copy.Write($"e{sequence}", NpgsqlDbType.Text);
        copy.Write((short)e.Channel, NpgsqlDbType.Smallint);
        copy.Write((short)e.Kind, NpgsqlDbType.Smallint);
        copy.Write((short)e.BounceType, NpgsqlDbType.Smallint);
        copy.Write(e.Time.ToUniversalTime(), NpgsqlDbType.TimestampTz);
        copy.Write(pool.ProfileOf(sequence), NpgsqlDbType.Text);
        WriteKey(copy, e.Domain);
        WriteKey(copy, e.Platform);
        WriteKey(copy, e.Reason);
    }

    private static void WriteKey(NpgsqlBinaryImporter copy, string? key)
    {
        if (string.IsNullOrWhiteSpace(key)) copy.WriteNull();
        else copy.Write(key.Trim(), NpgsqlDbType.Text);
    }

    /// <summary>
    /// The Email tab for the last 24 hours, aggregated from the events in one round trip: counts per kind,
    /// the five-minute series, unique openers and clickers, the three reason lists and the domain table.
    /// Rates follow from the counts. Returns the time from sending the batch to having read every row.
    /// </summary>
    public async Task<TimeSpan> ReadEmailTabAsync(string campaignId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string window = "campaign_id = @campaign AND channel = 1 AND time >= @from AND time < @to";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var sql in (string[])
        [
            $"SELECT kind, bounce_type, count(*) FROM events WHERE {window} GROUP BY kind, bounce_type",
            $"SELECT floor(extract(epoch FROM time) / 300)::bigint AS bucket, kind, bounce_type, count(*) FROM events WHERE {window} GROUP BY 1, 2, 3 ORDER BY 1",
            $"SELECT count(DISTINCT profile_id) FILTER (WHERE kind IN (7, 8)), count(DISTINCT profile_id) FILTER (WHERE kind = 8) FROM events WHERE {window}",
            $"SELECT reason, count(*) FILTER (WHERE bounce_type = 1), count(*) FILTER (WHERE bounce_type = 2), count(*) FILTER (WHERE bounce_type = 3), count(*) FROM events WHERE {window} AND kind = 5 AND reason IS NOT NULL GROUP BY reason ORDER BY count(*) DESC LIMIT 32",
            $"SELECT reason, count(*) FROM events WHERE {window} AND kind = 6 AND reason IS NOT NULL GROUP BY reason ORDER BY count(*) DESC LIMIT 32",
            $"SELECT reason, count(*) FROM events WHERE {window} AND kind = 2 AND reason IS NOT NULL GROUP BY reason ORDER BY count(*) DESC LIMIT 32",
            $"""
             SELECT domain, count(*) FILTER (WHERE kind = 3), count(*) FILTER (WHERE kind = 4), count(*) FILTER (WHERE kind = 5),
                    count(*) FILTER (WHERE kind = 7) AS opens, count(*) FILTER (WHERE kind = 8)
             FROM events WHERE {window} AND domain IS NOT NULL GROUP BY domain ORDER BY opens DESC LIMIT 64
             """,
        ])
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.AddWithValue("campaign", campaignId);
            command.Parameters.AddWithValue("from", now.ToUniversalTime() - TimeSpan.FromHours(24));
            command.Parameters.AddWithValue("to", now.ToUniversalTime() + TimeSpan.FromMinutes(5));
            batch.BatchCommands.Add(command);
        }

        var clock = Stopwatch.StartNew();
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAllAsync(cancellationToken);
        return clock.Elapsed;
    }
}
