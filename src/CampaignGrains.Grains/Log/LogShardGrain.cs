using System.Diagnostics;
using CampaignGrains.Grains.Faults;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignGrains.Grains.Log;

/// <summary>
/// The single writer of one shard of the ingest log. Batches that arrive while a storage operation is in flight
/// wait and are then appended together, each with its key marker, in one atomic operation (group commit); each
/// appended entry is then handed to the grains it concerns, in position order per grain, and the producer is
/// answered once all of them applied it. Entries stay pending, in memory and in the log, until every grain they
/// concern has checkpointed past them; a restarted shard rebuilds that from the log and delivers it again.
/// </summary>
[Reentrant]
internal sealed class LogShardGrain(IIngestLogStore store, IOptions<IngestLogOptions> options, KillPoints killPoints, ILogger<LogShardGrain> logger)
    : Grain, ILogShardGrain
{
    /// <summary>Entries of one commit at most: two table entities each (marker and entry), 100 per transaction.</summary>
    private const int MaxEntriesPerCommit = 50;

    private static readonly TimeSpan DropCheckInterval = TimeSpan.FromHours(1);

    private readonly PendingIndex _pending = new();
    private readonly DeliveredChannels _deliveredChannels = new();
    private readonly Dictionary<GrainTarget, Task> _deliveryTails = [];
    private readonly Dictionary<long, Task> _dispatching = [];
    private readonly List<Waiting> _queue = [];
    private SemaphoreSlim _deliverySlots = null!;
    private IngestLogOptions _options = null!;
    private int _shard;
    private bool _writing;
    private bool _fenced;
    private bool _tailUncertain;
    private LogCursor _savedCursor;
    private long _deletedThrough;
    private long _lastDropCheck;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _options = options.Value;
        _shard = (int)this.GetPrimaryKeyLong();
        _deliverySlots = new SemaphoreSlim(_options.MaxDeliveriesInFlight);
        _savedCursor = await store.ReadCursorAsync(_shard, cancellationToken);
        _pending.Resume(_savedCursor.TruncatedThrough);
        // Entries past the cursor may have been applied but not checkpointed, or never delivered at all (a crash
        // between append and dispatch): deliver them all again, in order; grains skip what they already have.
        await ReadBackAsync(_savedCursor.OldestDay, cancellationToken);

        this.RegisterGrainTimer(MaintainAsync, new GrainTimerCreationOptions(_options.CheckpointInterval, _options.CheckpointInterval) { Interleave = true });
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (!_fenced) await SaveCursorAsync(cancellationToken);
    }

    /// <summary>
    /// Takes the entries past the head that the log holds into the pending index and delivers them: to each grain
    /// only its last one, which makes it fetch the ones before from the index (<see cref="ILogShardGrain.PendingForAsync"/>)
    /// or, activating, catch up from them all. After a crash that is one call per grain instead of one per entry
    /// and grain: a minute of fan-out traffic over thousands of campaigns is hundreds of thousands of shares.
    /// </summary>
    private async Task ReadBackAsync(DateOnly from, CancellationToken cancellationToken)
    {
        var after = _pending.Head;
        var recovered = new List<(long Position, List<(GrainTarget Target, BatchShare Share)> Shares)>();
        await foreach (var entry in store.ReadAsync(_shard, after, from, Today(), cancellationToken))
        {
            var shares = SharesOf(LogEntryCodec.Decode(entry.Data));
            _pending.Add(entry.Position, from, Stopwatch.GetTimestamp(), shares);
            recovered.Add((entry.Position, shares));
        }
        if (recovered.Count == 0) return;

        var lastOfTarget = new Dictionary<GrainTarget, (long Position, BatchShare Share)>();
        foreach (var (position, shares) in recovered)
        {
            foreach (var (target, share) in shares) lastOfTarget[target] = (position, share);
        }
        var deliveries = lastOfTarget.ToDictionary(pair => pair.Key, pair => Deliver(pair.Key, pair.Value.Position, pair.Value.Share));
        foreach (var (position, shares) in recovered)
        {
            var all = Task.WhenAll(shares.Select(share => deliveries[share.Target]));
            _dispatching[position] = all;
            _ = ForgetWhenDoneAsync(position, all, shares);
        }
        logger.LogInformation("Log shard {Shard} delivers {Entries} entries read back from past position {Position} to {Grains} grains",
            _shard, recovered.Count, after, lastOfTarget.Count);
    }

    public async Task<AppendOutcome> AppendAsync(LogBatch batch)
    {
        var waiting = new Waiting(batch, LogEntryCodec.Encode(batch.Campaigns));
        _queue.Add(waiting);
        if (!_writing) _ = WriteLoopAsync();
        var (delivered, marker) = await waiting.Completion.Task;

        if (marker is null)
        {
            await delivered;
            killPoints.Reached(KillPoint.AfterApply);
            return AppendOutcome.Applied;
        }
        if (marker.Fingerprint != batch.Fingerprint) return AppendOutcome.KeyReusedWithOtherContent;
        // The first attempt may still be on its way to its grains: a duplicate is answered once it is visible.
        if (_dispatching.TryGetValue(marker.Position, out var delivery)) await delivery;
        return AppendOutcome.AlreadyApplied;
    }

    public Task<PendingShare[]> PendingForAsync(GrainTarget target, long after) => Task.FromResult(_pending.For(target, after));

    public Task CheckpointedAsync(GrainTarget target, long through)
    {
        _pending.Checkpointed(target, through);
        return Task.CompletedTask;
    }

    private async Task WriteLoopAsync()
    {
        _writing = true;
        try
        {
            while (_queue.Count > 0) await CommitAsync(TakeGroup());
        }
        finally
        {
            _writing = false;
        }
    }

    /// <summary>The oldest waiting batches that fit one transaction; a key twice in a group waits for the next.</summary>
    private List<Waiting> TakeGroup()
    {
        var group = new List<Waiting>();
        var keys = new HashSet<ulong>();
        var bytes = 0;
        foreach (var waiting in _queue)
        {
            if (group.Count == MaxEntriesPerCommit) break;
            if (group.Count > 0 && bytes + waiting.Data.Length > _options.MaxTransactionBytes) break;
            if (!keys.Add(waiting.Batch.KeyHash)) continue;
            group.Add(waiting);
            bytes += waiting.Data.Length;
        }
        foreach (var waiting in group) _queue.Remove(waiting);
        return group;
    }

    private async Task CommitAsync(List<Waiting> group)
    {
        try
        {
            if (_fenced) throw new LogFencedException(_shard, _pending.Head + 1);
            var today = Today();
            if (_tailUncertain)
            {
                // A failed append may have landed all the same: deliver what it wrote before writing past it.
                await ReadBackAsync(today.AddDays(-1), CancellationToken.None);
                _tailUncertain = false;
            }
            group = await AnswerKeysOfEarlierDaysAsync(group, today);
            while (group.Count > 0)
            {
                var entries = group.Select((waiting, i) => new StoredEntry(_pending.Head + 1 + i, waiting.Batch.KeyHash, waiting.Batch.Fingerprint, waiting.Data)).ToList();
                var started = Stopwatch.GetTimestamp();
                var taken = await store.AppendAsync(_shard, today, entries, CancellationToken.None);
                GrainMetrics.LogCommitDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
                if (taken is { } index)
                {
                    var marker = await store.FindMarkerAsync(_shard, today, group[index].Batch.KeyHash, CancellationToken.None)
                        ?? throw new InvalidOperationException("A key reported as taken has no marker.");
                    // The storage client retries a transaction that timed out on its side; if the first try landed,
                    // the retry finds this very append's markers. The transaction is atomic: all of it is there.
                    var landedEarlier = marker.Position == entries[index].Position && marker.Fingerprint == entries[index].Fingerprint;
                    if (!landedEarlier)
                    {
                        // That key was appended today already: answer it from its marker, write the others again.
                        group[index].Completion.SetResult((Task.CompletedTask, marker));
                        group.RemoveAt(index);
                        continue;
                    }
                }
                GrainMetrics.LogEntriesAppended.Add(entries.Count);
                killPoints.Reached(KillPoint.AfterAppend);
                var appendedAt = Stopwatch.GetTimestamp();
                for (var i = 0; i < group.Count; i++)
                {
                    var shares = SharesOf(group[i].Batch.Campaigns);
                    _pending.Add(entries[i].Position, today, appendedAt, shares);
                    group[i].Completion.SetResult((Dispatch(entries[i].Position, shares), null));
                }
                return;
            }
        }
        catch (Exception exception)
        {
            if (exception is LogFencedException)
            {
                logger.LogError(exception, "Log shard {Shard} is fenced off; deactivating to reload the log", _shard);
                _fenced = true;
                DeactivateOnIdle();
            }
            else
            {
                logger.LogWarning(exception, "Appending to log shard {Shard} failed", _shard);
                _tailUncertain = true;
            }
            // Batches queued behind a failed write are failed too rather than hammering storage that just failed.
            var failed = group.Concat(_queue).ToList();
            _queue.Clear();
            foreach (var waiting in failed)
            {
                waiting.Completion.TrySetException(new StatisticsUnavailableException(
                    "The ingest log did not take the batch; nothing was acknowledged. Retry the batch with the same idempotency key."));
            }
        }
    }

    /// <summary>Today's markers are checked by the append itself; keys still retained from earlier days are looked up first.</summary>
    private async Task<List<Waiting>> AnswerKeysOfEarlierDaysAsync(List<Waiting> group, DateOnly today)
    {
        var earliest = DateOnly.FromDateTime((DateTime.UtcNow - _options.KeyRetention).Date);
        if (earliest >= today) return group;
        var days = Enumerable.Range(0, today.DayNumber - earliest.DayNumber).Select(earliest.AddDays).ToList();
        var found = await Task.WhenAll(group.Select(async waiting =>
        {
            foreach (var day in days)
            {
                if (await store.FindMarkerAsync(_shard, day, waiting.Batch.KeyHash, CancellationToken.None) is { } marker) return marker;
            }
            return null;
        }));
        var fresh = new List<Waiting>();
        for (var i = 0; i < group.Count; i++)
        {
            if (found[i] is { } marker) group[i].Completion.SetResult((Task.CompletedTask, marker));
            else fresh.Add(group[i]);
        }
        return fresh;
    }

    private List<(GrainTarget Target, BatchShare Share)> SharesOf(IEnumerable<CampaignEvents> campaigns) =>
        [.. campaigns.SelectMany(campaign => GrainShares.Of(campaign, _deliveredChannels))];

    /// <summary>Hands an entry's shares to their grains, each behind the entries before it for the same grain; completes once all took it.</summary>
    private Task Dispatch(long position, List<(GrainTarget Target, BatchShare Share)> shares)
    {
        var deliveries = new Task[shares.Count];
        for (var i = 0; i < shares.Count; i++) deliveries[i] = Deliver(shares[i].Target, position, shares[i].Share);
        var all = Task.WhenAll(deliveries);
        _dispatching[position] = all;
        _ = ForgetWhenDoneAsync(position, all, shares);
        return all;
    }

    /// <summary>Delivers one share behind the deliveries before it to the same grain.</summary>
    private Task Deliver(GrainTarget target, long position, BatchShare share)
    {
        var previous = _deliveryTails.GetValueOrDefault(target) ?? Task.CompletedTask;
        var delivery = DeliverAfterAsync(previous, target, position, share);
        _deliveryTails[target] = delivery;
        return delivery;
    }

    private async Task ForgetWhenDoneAsync(long position, Task all, List<(GrainTarget Target, BatchShare Share)> shares)
    {
        await all;
        _dispatching.Remove(position);
        foreach (var (target, _) in shares)
        {
            if (_deliveryTails.TryGetValue(target, out var tail) && tail.IsCompleted) _deliveryTails.Remove(target);
        }
    }

    /// <summary>Retries until the grain took the share: a grain that cannot be reached now is activated elsewhere later.</summary>
    private async Task DeliverAfterAsync(Task previous, GrainTarget target, long position, BatchShare share)
    {
        await previous;
        var backoff = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            await _deliverySlots.WaitAsync();
            try
            {
                var checkpointed = await GrainFactory.Grain(target).ApplyAsync(_shard, position, _pending.PreviousFor(target, position), share);
                _pending.Checkpointed(target, checkpointed);
                if (target.Kind == StatisticsGrainKind.Campaign) _deliveredChannels.Applied(target.Key, share.Channels);
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Delivering position {Position} of log shard {Shard} to {Target} failed; retrying", position, _shard, target);
            }
            finally
            {
                _deliverySlots.Release();
            }
            await Task.Delay(backoff);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
        }
    }

    /// <summary>Persists the truncation point and deletes behind it, nudges grains that owe an old checkpoint, and (shard 0) drops expired days.</summary>
    private async Task MaintainAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SaveCursorAsync(cancellationToken);
            await DeleteCheckpointedEntriesAsync(cancellationToken);
            var overdueBefore = Stopwatch.GetTimestamp() - (long)(3 * _options.CheckpointInterval.TotalSeconds * Stopwatch.Frequency);
            // A grain whose silo died holds entries nobody redelivers until it is activated: activate it, so it catches up and checkpoints.
            foreach (var target in _pending.Overdue(overdueBefore).Take(256)) await GrainFactory.Grain(target).RequestCheckpointAsync();
            if (_shard == 0 && Stopwatch.GetElapsedTime(_lastDropCheck) > DropCheckInterval)
            {
                _lastDropCheck = Stopwatch.GetTimestamp();
                await DropExpiredDaysAsync(cancellationToken);
            }
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Maintenance of log shard {Shard} failed; it runs again on the next tick", _shard);
        }
    }

    private async Task SaveCursorAsync(CancellationToken cancellationToken)
    {
        var cursor = _pending.Cursor(Today());
        if (cursor == _savedCursor) return;
        await store.WriteCursorAsync(_shard, cursor, cancellationToken);
        _savedCursor = cursor;
        killPoints.Reached(KillPoint.AfterCursorWrite);
    }

    /// <summary>
    /// Deletes the entries behind the saved cursor: no grain needs them again, and a log that keeps only what is
    /// pending stays small whatever the day's traffic. Runs after the cursor is durable, so a restart never
    /// looks for a deleted entry; one that crashed before deleting leaves entries this activation deletes.
    /// </summary>
    private async Task DeleteCheckpointedEntriesAsync(CancellationToken cancellationToken)
    {
        var through = _savedCursor.TruncatedThrough;
        if (through <= _deletedThrough) return;
        await store.TruncateAsync(_shard, through, cancellationToken);
        _deletedThrough = through;
    }

    /// <summary>A day's log goes once every key in it is past retention and no shard still needs an entry of it.</summary>
    private async Task DropExpiredDaysAsync(CancellationToken cancellationToken)
    {
        var cursors = await Task.WhenAll(Enumerable.Range(0, _options.Shards).Select(shard => store.ReadCursorAsync(shard, cancellationToken)));
        var retained = DateOnly.FromDateTime((DateTime.UtcNow - _options.KeyRetention).Date);
        var neededFrom = cursors.Min(cursor => cursor.OldestDay);
        await store.DropBeforeAsync(retained < neededFrom ? retained : neededFrom, cancellationToken);
    }

    private static DateOnly Today() => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>A batch waiting for its commit: answered with its delivery to the grains, or with the marker of the key's earlier append.</summary>
    private sealed record Waiting(LogBatch Batch, byte[] Data)
    {
        public TaskCompletionSource<(Task Delivered, KeyMarker? Marker)> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
