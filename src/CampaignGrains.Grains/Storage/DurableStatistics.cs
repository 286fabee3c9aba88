using System.Diagnostics;
using CampaignGrains.Grains.Ingest;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace CampaignGrains.Grains.Storage;

/// <summary>
/// A grain's statistics, idempotency ledger and channels, loaded from and written to one persistent
/// record. A share is acknowledged only after the write that holds it completed; shares arriving while
/// a write is in flight are applied at once and acknowledged together by the next write.
/// <para>
/// A write that fails (storage down, timeout, throttling) leaves the activation serving reads from
/// memory and writing again on the next call. Only an ETag conflict, which means storage holds a version
/// this activation never saw, makes it deactivate and reload.
/// </para>
/// </summary>
internal sealed class DurableStatistics
{
    private readonly IPersistentState<StatisticsRecord> _state;
    private readonly StatisticsShape _shape;
    private readonly StatisticsClock _clock;
    private readonly ILogger _logger;
    private readonly Action _deactivate;
    private readonly GroupCommit _commit;
    private readonly HashSet<Channel> _channels = [];
    private BatchLedger _ledger = new();
    private bool _mustReload;
    private TaskCompletionSource _nextChange = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DurableStatistics(IPersistentState<StatisticsRecord> state, StatisticsShape shape, StatisticsClock clock, ILogger logger, Action deactivate)
    {
        _state = state;
        _shape = shape;
        _clock = clock;
        _logger = logger;
        _deactivate = deactivate;
        _commit = new GroupCommit(WriteAsync);
        Statistics = new DeliveryStatistics(shape);
    }

    public DeliveryStatistics Statistics { get; private set; }

    public IReadOnlyCollection<Channel> Channels => _channels;

    /// <summary>
    /// Changes whenever a share is applied. Starts at the activation's start time, so a watcher never
    /// mistakes a new activation's version for one it already saw.
    /// </summary>
    public long Version { get; private set; } = DateTime.UtcNow.Ticks;

    /// <summary>True once any batch was applied: the campaign exists.</summary>
    public bool HasBatches => _ledger.Count > 0;

    /// <summary>The activation is going away (its grain's OnDeactivateAsync).</summary>
    public void Unload() => GrainMetrics.ActiveGrains.Add(-1);

    public bool IsKeyReused(ulong keyHash, ulong fingerprint) =>
        _ledger.Check(keyHash, fingerprint) == BatchCheck.KeyReusedWithOtherContent;

    /// <summary>Reads the record Orleans loaded before activation.</summary>
    public void Load()
    {
        GrainMetrics.ActiveGrains.Add(1);
        (Statistics, _ledger) = StatisticsCodec.Decode(_state.State.Payload, _shape);
        _channels.UnionWith(_state.State.Channels);
        ReleasePayload();
    }

    public async Task<ShareOutcome> RecordAsync(BatchShare share)
    {
        if (_mustReload) throw Unavailable();

        var check = _ledger.Check(share.KeyHash, share.Fingerprint);
        if (check == BatchCheck.KeyReusedWithOtherContent) return ShareOutcome.KeyReusedWithOtherContent;
        var changed = check == BatchCheck.New;
        if (changed)
        {
            var now = _clock.UtcNow;
            foreach (var e in share.Events) Statistics.Record(EventMetrics.ToStatisticsEvent(e), now);
            _channels.UnionWith(share.Channels);
            _ledger.Remember(share.KeyHash, share.Fingerprint);
            Version++;
            _nextChange.SetResult();
            _nextChange = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        // A retry may arrive while the write holding its first attempt is still in flight: it is a
        // duplicate only once that write is durable.
        try
        {
            await _commit.WhenDurableAsync(changed);
        }
        catch (Exception exception) when (exception is not StatisticsUnavailableException)
        {
            throw Unavailable();
        }
        return changed ? ShareOutcome.Applied : ShareOutcome.AlreadyApplied;
    }

    public async Task<long> WaitForChangeAsync(long knownVersion, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        if (Version == knownVersion)
        {
            try
            {
                await _nextChange.Task.WaitAsync(maxWait, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Nothing changed within maxWait: the watcher asks again.
            }
        }
        return Version;
    }

    private async Task WriteAsync()
    {
        _state.State = new StatisticsRecord
        {
            Payload = StatisticsCodec.Encode(Statistics, _ledger),
            Channels = [.. _channels.Order()],
        };
        var started = Stopwatch.GetTimestamp();
        try
        {
            await _state.WriteStateAsync();
            GrainMetrics.WriteDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
            ReleasePayload();
        }
        catch (InconsistentStateException exception)
        {
            _logger.LogError(exception, "Statistics in storage changed under this activation; deactivating to reload them");
            _mustReload = true;
            _deactivate();
            throw;
        }
        catch (Exception exception)
        {
            _logger.LogWarning(exception, "Writing statistics failed; the next call writes again");
            throw;
        }
    }

    /// <summary>
    /// The encoded record is needed only while it is read or written; every write encodes afresh. Holding it
    /// would keep a second copy of the statistics in memory (up to the worst-case record size per grain).
    /// </summary>
    private void ReleasePayload() => _state.State.Payload = [];

    private static StatisticsUnavailableException Unavailable() =>
        new("Statistics storage did not take the write; nothing was acknowledged. Retry the batch with the same idempotency key.");
}
