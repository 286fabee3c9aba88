namespace CampaignGrains.Grains.Log;

/// <summary>
/// Where the ingest log is durable: per UTC day and shard, key markers and entries side by side, so a batch's
/// marker and its entry are written in one atomic operation and "insert the marker if new" is the duplicate
/// check. Entries every grain has checkpointed are deleted as the shard's cursor passes them; a day's log,
/// with its key markers, is dropped whole once no key in it is retained and no entry in it is still needed.
/// </summary>
public interface IIngestLogStore
{
    /// <summary>Where <paramref name="shard"/>'s log resumes; the start of the log if it never wrote a cursor.</summary>
    Task<LogCursor> ReadCursorAsync(int shard, CancellationToken cancellationToken);

    Task WriteCursorAsync(int shard, LogCursor cursor, CancellationToken cancellationToken);

    /// <summary>The shard's entries past <paramref name="after"/> written from day <paramref name="from"/> through <paramref name="through"/>, in position order.</summary>
    IAsyncEnumerable<StoredEntry> ReadAsync(int shard, long after, DateOnly from, DateOnly through, CancellationToken cancellationToken);

    /// <summary>The marker of a key in day <paramref name="day"/>'s log of the shard, if the key was appended that day.</summary>
    Task<KeyMarker?> FindMarkerAsync(int shard, DateOnly day, ulong keyHash, CancellationToken cancellationToken);

    /// <summary>
    /// Writes every entry with its key marker into day <paramref name="day"/>'s log, all or nothing. Answers null
    /// when written; else the index of an entry whose key that day already holds, and nothing was written.
    /// Throws <see cref="LogFencedException"/> when a position is taken: another writer of the shard is active.
    /// </summary>
    Task<int?> AppendAsync(int shard, DateOnly day, IReadOnlyList<StoredEntry> entries, CancellationToken cancellationToken);

    /// <summary>Deletes the shard's entries up to position <paramref name="through"/>, whatever their day; key markers stay until their day is dropped.</summary>
    Task TruncateAsync(int shard, long through, CancellationToken cancellationToken);

    /// <summary>Drops the logs of every day before <paramref name="day"/>, whole.</summary>
    Task DropBeforeAsync(DateOnly day, CancellationToken cancellationToken);
}

/// <summary>A log entry as stored: its position in the shard, its key's marker fields and its encoded campaigns.</summary>
public sealed record StoredEntry(long Position, ulong KeyHash, ulong Fingerprint, byte[] Data);

/// <summary>What a key's marker says: where its batch was appended and a digest of its content.</summary>
public sealed record KeyMarker(long Position, ulong Fingerprint);

/// <summary>Every position up to <see cref="TruncatedThrough"/> is checkpointed by all its grains; the oldest entry still needed is in day <see cref="OldestDay"/>'s log or later.</summary>
public readonly record struct LogCursor(long TruncatedThrough, DateOnly OldestDay);

/// <summary>Another activation of the same shard wrote the position this one meant to write.</summary>
public sealed class LogFencedException(int shard, long position)
    : Exception($"Log shard {shard} already holds position {position}: another writer of the shard is active.");
