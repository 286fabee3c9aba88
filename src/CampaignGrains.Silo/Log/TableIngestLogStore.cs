using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using CampaignGrains.Grains.Log;
using CampaignGrains.Silo.Tables;

namespace CampaignGrains.Silo.Log;

/// <summary>
/// The ingest log in Azure Table storage. One table per service and UTC day ("IngestLog" + a digest of the
/// service id + "20261201"), one partition a shard in it.
/// A batch is two or more entities of that partition written in one entity-group transaction: its key marker
/// "k{key hash}" (an insert, so a key already there fails the whole transaction with 409: the duplicate check)
/// and its entry "e{position}{part}" (data split into 64 KiB properties, at most 15 a part, so each entity
/// stays under the 1 MiB limit). Entries behind a shard's cursor are deleted in transactions of 100, which keeps
/// the tables small; markers expire with their table, dropped whole. The shards' cursors are rows of the service's
/// "…Cursors" table. A service of its own per table name keeps expiry from reaching another service's log.
/// </summary>
internal sealed class TableIngestLogStore : IIngestLogStore
{

    private const int PartBytes = BinaryProperties.MaxBytes;

    private readonly TableServiceClient _tables;
    private readonly string _prefix;
    private readonly TableClient _cursors;
    private readonly Dictionary<DateOnly, Task> _created = [];
    private readonly Lock _createdLock = new();
    private Task? _cursorsCreated;

    public TableIngestLogStore(TableServiceClient tables, string serviceId)
    {
        _tables = tables;
        // Table names allow letters and digits only: the service is named by a digest of its id.
        _prefix = "IngestLog" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(serviceId)))[..10];
        _cursors = tables.GetTableClient(_prefix + "Cursors");
    }

    public async Task<LogCursor> ReadCursorAsync(int shard, CancellationToken cancellationToken)
    {
        await EnsureCursorTableAsync();
        var row = await _cursors.GetEntityIfExistsAsync<TableEntity>("cursor", Partition(shard), cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } entity
            ? new LogCursor(entity.GetInt64("TruncatedThrough") ?? 0, DateOnly.FromDayNumber(entity.GetInt32("OldestDay") ?? 0))
            : new LogCursor(0, DateOnly.MinValue);
    }

    public async Task WriteCursorAsync(int shard, LogCursor cursor, CancellationToken cancellationToken)
    {
        await EnsureCursorTableAsync();
        await _cursors.UpsertEntityAsync(new TableEntity("cursor", Partition(shard))
        {
            ["TruncatedThrough"] = cursor.TruncatedThrough,
            ["OldestDay"] = cursor.OldestDay.DayNumber,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    public async IAsyncEnumerable<StoredEntry> ReadAsync(int shard, long after, DateOnly from, DateOnly through, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var day in await DaysAsync(cancellationToken))
        {
            if (day < from || day > through) continue;
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(shard)} and RowKey ge {EntryRow(after + 1, 0)} and RowKey lt {"f"}");
            List<TableEntity>? parts = null;
            await foreach (var entity in Table(day).QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                if (entity.RowKey.EndsWith("00", StringComparison.Ordinal) && parts is { Count: > 0 })
                {
                    yield return Assemble(parts);
                    parts = null;
                }
                (parts ??= []).Add(entity);
            }
            if (parts is { Count: > 0 }) yield return Assemble(parts);
        }
    }

    public async Task<KeyMarker?> FindMarkerAsync(int shard, DateOnly day, ulong keyHash, CancellationToken cancellationToken)
    {
        try
        {
            var row = await Table(day).GetEntityIfExistsAsync<TableEntity>(Partition(shard), MarkerRow(keyHash), cancellationToken: cancellationToken);
            return row.HasValue && row.Value is { } marker
                ? new KeyMarker(marker.GetInt64("Position") ?? 0, unchecked((ulong)(marker.GetInt64("Fingerprint") ?? 0)))
                : null;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null; // no log that day
        }
    }

    public async Task<int?> AppendAsync(int shard, DateOnly day, IReadOnlyList<StoredEntry> entries, CancellationToken cancellationToken)
    {
        await EnsureDayTableAsync(day);
        var actions = new List<TableTransactionAction>();
        var entryOfAction = new List<(int Entry, bool IsMarker)>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(Partition(shard), MarkerRow(entry.KeyHash))
            {
                ["Position"] = entry.Position,
                ["Fingerprint"] = unchecked((long)entry.Fingerprint),
            }));
            entryOfAction.Add((i, true));
            foreach (var part in Parts(shard, entry))
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, part));
                entryOfAction.Add((i, false));
            }
        }
        try
        {
            await Table(day).SubmitTransactionAsync(actions, cancellationToken);
            return null;
        }
        catch (TableTransactionFailedException exception) when (exception.Status == 409)
        {
            if (exception.FailedTransactionActionIndex is { } failed)
            {
                var (entry, isMarker) = entryOfAction[failed];
                return isMarker ? entry : throw new LogFencedException(shard, entries[entry].Position);
            }
            // The service did not say which insert failed: find a marker that is there; if none, a position was taken.
            for (var i = 0; i < entries.Count; i++)
            {
                if (await FindMarkerAsync(shard, day, entries[i].KeyHash, cancellationToken) is not null) return i;
            }
            throw new LogFencedException(shard, entries[0].Position);
        }
    }

    public async Task TruncateAsync(int shard, long through, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(shard)} and RowKey ge {"e"} and RowKey lt {EntryRow(through + 1, 0)}");
        foreach (var day in await DaysAsync(cancellationToken))
        {
            var deletes = new List<TableTransactionAction>();
            await foreach (var entity in Table(day).QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
            {
                deletes.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(Partition(shard), entity.RowKey), ETag.All));
            }
            foreach (var chunk in deletes.Chunk(100))
            {
                try
                {
                    await Table(day).SubmitTransactionAsync(chunk, cancellationToken);
                }
                catch (TableTransactionFailedException exception) when (exception.Status == 404)
                {
                    // An entity of the chunk was gone already, so none of it was deleted: the next truncation, once the cursor moves on, queries again.
                }
            }
        }
    }

    public async Task DropBeforeAsync(DateOnly day, CancellationToken cancellationToken)
    {
        foreach (var old in (await DaysAsync(cancellationToken)).Where(d => d < day))
        {
            await _tables.DeleteTableAsync(TableName(old), cancellationToken);
            lock (_createdLock) _created.Remove(old);
        }
    }

    private static IEnumerable<TableEntity> Parts(int shard, StoredEntry entry)
    {
        var partCount = Math.Max(1, (entry.Data.Length + PartBytes - 1) / PartBytes);
        for (var part = 0; part < partCount; part++)
        {
            var entity = new TableEntity(Partition(shard), EntryRow(entry.Position, part));
            if (part == 0)
            {
                entity["Key"] = unchecked((long)entry.KeyHash);
                entity["Fingerprint"] = unchecked((long)entry.Fingerprint);
            }
            BinaryProperties.Write(entity, entry.Data.AsMemory(part * PartBytes, Math.Min(PartBytes, entry.Data.Length - part * PartBytes)));
            yield return entity;
        }
    }

    private static StoredEntry Assemble(List<TableEntity> parts)
    {
        using var data = new MemoryStream();
        foreach (var part in parts) BinaryProperties.CopyTo(part, data);
        var first = parts[0];
        var position = long.Parse(first.RowKey.AsSpan(1, 16), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return new StoredEntry(position, unchecked((ulong)(first.GetInt64("Key") ?? 0)), unchecked((ulong)(first.GetInt64("Fingerprint") ?? 0)), data.ToArray());
    }

    /// <summary>The days that have a log table, oldest first.</summary>
    private async Task<List<DateOnly>> DaysAsync(CancellationToken cancellationToken)
    {
        var days = new List<DateOnly>();
        await foreach (var table in _tables.QueryAsync($"TableName ge '{_prefix}2' and TableName lt '{_prefix}3'", cancellationToken: cancellationToken))
        {
            if (DateOnly.TryParseExact(table.Name.AsSpan(_prefix.Length), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) days.Add(day);
        }
        days.Sort();
        return days;
    }

    private TableClient Table(DateOnly day) => _tables.GetTableClient(TableName(day));

    private string TableName(DateOnly day) => $"{_prefix}{day:yyyyMMdd}";

    private static string Partition(int shard) => shard.ToString("D3", CultureInfo.InvariantCulture);

    private static string MarkerRow(ulong keyHash) => $"k{keyHash:x16}";

    private static string EntryRow(long position, int part) => $"e{position:x16}{part:x2}";

    /// <summary>Creates a day's table once; a failed attempt (storage down) is tried again on the next append.</summary>
    private Task EnsureDayTableAsync(DateOnly day)
    {
        lock (_createdLock)
        {
            if (!_created.TryGetValue(day, out var creating) || creating.IsFaulted) _created[day] = creating = Table(day).CreateIfNotExistsAsync();
            return creating;
        }
    }

    private Task EnsureCursorTableAsync()
    {
        if (_cursorsCreated is not { IsFaulted: false } creating) _cursorsCreated = creating = _cursors.CreateIfNotExistsAsync();
        return creating;
    }
}
