using System.Diagnostics;
using CampaignGrains.Grains.Faults;
using CampaignGrains.Grains.Ingest;
using CampaignGrains.Grains.Log;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace CampaignGrains.Grains.Storage;

/// <summary>
/// A grain's statistics as a cache of the ingest log: the sums of every entry applied, and per shard the last
/// position applied. A checkpoint writes both in one record, so a position is never applied twice; until it is
/// written, the shards keep the entries after it and hand them out again when the grain activates.
/// <para>
/// The state object keeps the record's positions, channels and ETag but not its encoded sums: those are decoded
/// into <see cref="Statistics"/> on activation and encoded again for each write, so an active grain holds its sums
/// once, not twice. Only a migration hands that object to the next activation instead of reading storage (Orleans
/// migrates when asked to, or when its rebalancer runs; a graceful shutdown deactivates); the next activation then
/// finds positions without sums and reads the record they belong to, which the deactivation just checkpointed.
/// </para>
/// <para>
/// A checkpoint that fails leaves the activation serving reads from memory and writing again on the next tick;
/// nothing waits on it. Only an ETag conflict, which means storage holds a record this activation never saw,
/// makes it deactivate and reload.
/// </para>
/// </summary>
internal sealed class DurableStatistics
{
    private readonly IPersistentState<StatisticsRecord> _state;
    private readonly StatisticsShape _shape;
    private readonly GrainTarget _target;
    private readonly IGrainFactory _grains;
    private readonly IngestLogOptions _options;
    private readonly StatisticsClock _clock;
    private readonly KillPoints _killPoints;
    private readonly ILogger _logger;
    private readonly Action _deactivate;
    private readonly GroupCommit _commit;
    /// <summary>Sorted; an array, not a set, as a grain sees at most the two channels.</summary>
    private Channel[] _channels = [];
    private long[] _applied = [];
    private long[] _checkpointed = [];
    private long[] _notified = [];
    private int _unwrittenEvents;
    private bool _unwritten;
    private bool _mustReload;
    private bool _checkpointExisted;
    /// <summary>Completed by the next change; created only while someone watches.</summary>
    private TaskCompletionSource? _nextChange;

    public DurableStatistics(IPersistentState<StatisticsRecord> state, StatisticsShape shape, GrainTarget target, IGrainFactory grains,
        IngestLogOptions options, StatisticsClock clock, KillPoints killPoints, ILogger logger, Action deactivate)
    {
        _state = state;
        _shape = shape;
        _target = target;
        _grains = grains;
        _options = options;
        _clock = clock;
        _killPoints = killPoints;
        _logger = logger;
        _deactivate = deactivate;
        _commit = new GroupCommit(WriteAsync);
        Statistics = new DeliveryStatistics(shape);
    }

    public DeliveryStatistics Statistics { get; private set; }

    public IReadOnlyList<Channel> Channels => _channels;

    public StatisticsRecord Record => _state.State;

    /// <summary>
    /// Changes whenever a share is applied. Starts at the activation's start time, so a watcher never
    /// mistakes a new activation's version for one it already saw.
    /// </summary>
    public long Version { get; private set; } = DateTime.UtcNow.Ticks;

    /// <summary>True once any log entry was applied (or a checkpoint exists): the campaign exists.</summary>
    public bool HasEntries => _checkpointExisted || _applied.Any(position => position > 0);

    /// <summary>
    /// Reads the checkpoint Orleans loaded before activation, then catches up: every shard hands out the entries
    /// for this grain past the checkpoint that it applied before a crash, or that are still on their way.
    /// </summary>
    public async Task LoadAsync()
    {
        GrainMetrics.ActiveGrains.Add(1);
        // Positions without sums: a migrated activation's released state object (see the class summary). An encoded
        // record is never empty, so a record of a grain that has none is new.
        if (_state.State.Payload.Length == 0 && _state.State.Applied.Any(position => position > 0)) await _state.ReadStateAsync();
        _checkpointExisted = _state.State.Payload.Length > 0;
        Statistics = StatisticsCodec.Decode(_state.State.Payload, _shape);
        _state.State.Payload = [];
        _channels = [.. _state.State.Channels.Distinct().Order()];
        _applied = new long[_options.Shards];
        _state.State.Applied.AsSpan(0, Math.Min(_state.State.Applied.Length, _applied.Length)).CopyTo(_applied);
        _checkpointed = [.. _applied];
        _notified = [.. _applied];

        var pending = await Task.WhenAll(Enumerable.Range(0, _options.Shards)
            .Select(shard => _grains.GetGrain<ILogShardGrain>(shard).PendingForAsync(_target, _applied[shard])));
        for (var shard = 0; shard < pending.Length; shard++)
        {
            foreach (var entry in pending[shard]) Apply(shard, entry.Position, entry.Share);
        }
    }

    /// <summary>The activation is going away: checkpoint what is unwritten, so nothing has to be replayed.</summary>
    public async Task UnloadAsync()
    {
        GrainMetrics.ActiveGrains.Add(-1);
        if (_unwritten && !_mustReload) await CheckpointAsync();
    }

    /// <summary>
    /// Applies a log entry's share unless this grain's position for the shard covers it; answers the checkpointed
    /// position. An entry before it that this activation never saw (Orleans briefly ran a second activation of the
    /// grain, which took it) is fetched from the shard first; if the shard no longer holds it, another activation
    /// checkpointed it and this one's sums are stale: it deactivates and a fresh one reloads.
    /// </summary>
    public async Task<long> ApplyAsync(int shard, long position, long previous, BatchShare share)
    {
        if (position > _applied[shard] && _applied[shard] < previous)
        {
            foreach (var missed in await _grains.GetGrain<ILogShardGrain>(shard).PendingForAsync(_target, _applied[shard]))
            {
                if (missed.Position < position) Apply(shard, missed.Position, missed.Share);
            }
            if (_applied[shard] < previous)
            {
                _logger.LogWarning("{Target} missed position {Previous} of shard {Shard}, which another activation checkpointed; reloading", _target, previous, shard);
                _mustReload = true;
                _deactivate();
            }
        }
        return Apply(shard, position, share);
    }

    private long Apply(int shard, long position, BatchShare share)
    {
        if (_mustReload) throw new StatisticsUnavailableException("The statistics are reloading; retry.");
        if (position <= _applied[shard]) return _checkpointed[shard];

        var now = _clock.UtcNow;
        foreach (var e in share.Events) Statistics.Record(EventMetrics.ToStatisticsEvent(e), now);
        foreach (var channel in share.Channels)
        {
            if (Array.IndexOf(_channels, channel) < 0) _channels = [.. _channels.Append(channel).Order()];
        }
        _applied[shard] = position;
        _unwritten = true;
        _unwrittenEvents += share.Events.Length;
        Version++;
        _nextChange?.SetResult();
        _nextChange = null;
        if (_unwrittenEvents >= _options.CheckpointEvents) _ = CheckpointOrLogAsync();
        return _checkpointed[shard];
    }

    /// <summary>The checkpoint timer's tick: writes if anything is unwritten; a failure is logged and retried on the next tick.</summary>
    public Task CheckpointIfUnwrittenAsync() => _unwritten ? CheckpointOrLogAsync() : Task.CompletedTask;

    /// <summary>
    /// Writes what is unwritten, then tells the shards what the record now covers. Asked when nothing is unwritten
    /// (a shard nudging a grain it still holds entries for), it tells every shard again.
    /// </summary>
    public async Task CheckpointAsync()
    {
        var tellAll = !_unwritten;
        if (_unwritten) await _commit.WhenDurableAsync(changed: true);
        await Task.WhenAll(Enumerable.Range(0, _checkpointed.Length)
            .Where(shard => _checkpointed[shard] > 0 && (tellAll || _checkpointed[shard] > _notified[shard]))
            .Select(TellShardAsync));
    }

    public async Task<long> WaitForChangeAsync(long knownVersion, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        if (Version == knownVersion)
        {
            try
            {
                await (_nextChange ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(maxWait, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Nothing changed within maxWait: the watcher asks again.
            }
        }
        return Version;
    }

    /// <summary>A checkpoint nobody waits for: a failure is logged, and the next tick writes again.</summary>
    public async Task CheckpointOrLogAsync()
    {
        try
        {
            await CheckpointAsync();
        }
        catch (Exception exception)
        {
            _logger.LogWarning(exception, "Checkpointing {Target} failed; the log keeps its entries and the next tick writes again", _target);
        }
    }

    private async Task TellShardAsync(int shard)
    {
        var through = _checkpointed[shard];
        await _grains.GetGrain<ILogShardGrain>(shard).CheckpointedAsync(_target, through);
        _notified[shard] = Math.Max(_notified[shard], through);
    }

    private async Task WriteAsync()
    {
        var record = _state.State;
        var applied = (long[])_applied.Clone();
        _unwritten = false;
        _unwrittenEvents = 0;
        (record.Payload, record.Channels, record.Applied) = (StatisticsCodec.Encode(Statistics), _channels, applied);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await WriteOrFindLandedAsync(record);
            _killPoints.Reached(KillPoint.AfterCheckpoint);
            GrainMetrics.CheckpointDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
            _checkpointed = applied;
        }
        catch (Exception exception)
        {
            _unwritten = true;
            if (exception is InconsistentStateException)
            {
                _logger.LogError(exception, "Statistics in storage changed under this activation; deactivating to reload them");
                _mustReload = true;
                _deactivate();
            }
            throw;
        }
        finally
        {
            // The sums live in Statistics; the encoded copy was only for this write (see the class summary).
            _state.State.Payload = [];
        }
    }

    /// <summary>
    /// Writes the record. Refused for its ETag, it reads storage back: a record equal to the one written means the
    /// refusal was of the storage client's own retry of a write that had landed (it timed out on the client's
    /// side), and the record, with the ETag it now has, is this activation's. Anything else was written by
    /// another activation; the state object then holds that, as storage does, and the refusal stands.
    /// </summary>
    private async Task WriteOrFindLandedAsync(StatisticsRecord record)
    {
        try
        {
            await _state.WriteStateAsync();
        }
        catch (InconsistentStateException)
        {
            // Only what storage holds may compare equal: a read that finds nothing must not leave the attempt in place.
            _state.State = new StatisticsRecord();
            try
            {
                await _state.ReadStateAsync();
            }
            catch
            {
                _state.State = record;
                throw;
            }
            if (!_state.RecordExists || !_state.State.Payload.AsSpan().SequenceEqual(record.Payload) || !_state.State.Applied.AsSpan().SequenceEqual(record.Applied)) throw;
        }
    }
}
