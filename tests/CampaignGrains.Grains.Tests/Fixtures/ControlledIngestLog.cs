using System.Runtime.CompilerServices;
using CampaignGrains.Grains.Log;

namespace CampaignGrains.Grains.Tests.Fixtures;

/// <summary>
/// The ingest log in memory for tests of grain logic, with the Azure Table store's contract (all-or-nothing
/// appends, a key already there answered by its index, a taken position fencing the writer). It counts
/// appends, can hold them back and can make the next one fail before or after it lands, as a real store
/// does under load or outage. The Azure Table store itself is tested on Azurite.
/// </summary>
internal sealed class ControlledIngestLog : IIngestLogStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(int Shard, DateOnly Day), Dictionary<ulong, KeyMarker>> _markers = [];
    private readonly Dictionary<(int Shard, DateOnly Day), SortedDictionary<long, StoredEntry>> _entries = [];
    private readonly Dictionary<int, LogCursor> _cursors = [];
    private TaskCompletionSource? _hold;
    private TaskCompletionSource? _holdAfterAppend;
    private TaskCompletionSource? _holdCursorWrites;
    private TaskCompletionSource? _holdTruncations;
    private Exception? _failure;
    private Exception? _failureAfterAppend;
    private bool _answerNextAsRetried;
    private int _appends;
    private int _truncations;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, int> _cursorWrites = new();

    public int Appends => Volatile.Read(ref _appends);

    public int Truncations => Volatile.Read(ref _truncations);

    public int CursorWritesOf(int shard) => _cursorWrites.GetValueOrDefault(shard);

    /// <summary>Appends wait until the returned source is completed.</summary>
    public TaskCompletionSource HoldAppends() => _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The next append is stored, and its answer waits until the returned source is completed.</summary>
    public TaskCompletionSource HoldAfterNextAppend() => _holdAfterAppend = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Cursor writes (the log's truncation point) wait until the returned source is completed.</summary>
    public TaskCompletionSource HoldCursorWrites() => _holdCursorWrites = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Truncations (deleting entries behind the cursor) wait until the returned source is completed.</summary>
    public TaskCompletionSource HoldTruncations() => _holdTruncations = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void FailNextAppend(Exception failure) => _failure = failure;

    /// <summary>The next append is stored, then reported as failed: the acknowledgement is what gets lost.</summary>
    public void FailAfterNextAppend(Exception failure) => _failureAfterAppend = failure;

    /// <summary>
    /// The next append is stored, then answered as the storage client's own retry of it would be (its first try
    /// landed but timed out on the client's side): its first key is reported as already there.
    /// </summary>
    public void AnswerNextAppendAsRetried() => _answerNextAsRetried = true;

    public Task<LogCursor> ReadCursorAsync(int shard, CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult(_cursors.GetValueOrDefault(shard, new LogCursor(0, DateOnly.MinValue)));
    }

    public async Task WriteCursorAsync(int shard, LogCursor cursor, CancellationToken cancellationToken)
    {
        _cursorWrites.AddOrUpdate(shard, 1, (_, count) => count + 1);
        if (_holdCursorWrites is { } hold) await hold.Task;
        lock (_lock) _cursors[shard] = cursor;
    }

    public async IAsyncEnumerable<StoredEntry> ReadAsync(int shard, long after, DateOnly from, DateOnly through, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<StoredEntry> entries;
        lock (_lock)
        {
            entries = [.. _entries.Where(pair => pair.Key.Shard == shard && pair.Key.Day >= from && pair.Key.Day <= through)
                .OrderBy(pair => pair.Key.Day).SelectMany(pair => pair.Value.Values).Where(entry => entry.Position > after)];
        }
        foreach (var entry in entries)
        {
            await Task.Yield();
            yield return entry;
        }
    }

    public Task<KeyMarker?> FindMarkerAsync(int shard, DateOnly day, ulong keyHash, CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult(_markers.GetValueOrDefault((shard, day))?.GetValueOrDefault(keyHash));
    }

    public async Task<int?> AppendAsync(int shard, DateOnly day, IReadOnlyList<StoredEntry> entries, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _appends);
        if (_hold is { } hold) await hold.Task;
        if (Interlocked.Exchange(ref _failure, null) is { } failure) throw failure;
        lock (_lock)
        {
            var markers = _markers.TryGetValue((shard, day), out var m) ? m : _markers[(shard, day)] = [];
            var stored = _entries.TryGetValue((shard, day), out var e) ? e : _entries[(shard, day)] = [];
            for (var i = 0; i < entries.Count; i++)
            {
                if (markers.ContainsKey(entries[i].KeyHash)) return i;
                if (stored.ContainsKey(entries[i].Position)) throw new LogFencedException(shard, entries[i].Position);
            }
            foreach (var entry in entries)
            {
                markers.Add(entry.KeyHash, new KeyMarker(entry.Position, entry.Fingerprint));
                stored.Add(entry.Position, entry);
            }
        }
        if (Interlocked.Exchange(ref _failureAfterAppend, null) is { } lost) throw lost;
        if (Interlocked.Exchange(ref _answerNextAsRetried, false)) return 0;
        if (Interlocked.Exchange(ref _holdAfterAppend, null) is { } held) await held.Task;
        return null;
    }

    public async Task TruncateAsync(int shard, long through, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _truncations);
        if (_holdTruncations is { } hold) await hold.Task;
        lock (_lock)
        {
            foreach (var (key, entries) in _entries.Where(pair => pair.Key.Shard == shard))
            {
                foreach (var position in entries.Keys.Where(position => position <= through).ToList()) entries.Remove(position);
            }
        }
    }

    /// <summary>The entries the shard's log holds (not yet truncated).</summary>
    public int EntriesOf(int shard)
    {
        lock (_lock) return _entries.Where(pair => pair.Key.Shard == shard).Sum(pair => pair.Value.Count);
    }

    public Task DropBeforeAsync(DateOnly day, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            foreach (var key in _entries.Keys.Where(key => key.Day < day).ToList()) _entries.Remove(key);
            foreach (var key in _markers.Keys.Where(key => key.Day < day).ToList()) _markers.Remove(key);
        }
        return Task.CompletedTask;
    }
}
