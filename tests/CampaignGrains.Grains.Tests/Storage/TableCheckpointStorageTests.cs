using Azure;
using Azure.Data.Tables;
using CampaignGrains.Grains.Storage;
using CampaignGrains.Grains.Tests.Fixtures;
using CampaignGrains.Silo.Storage;
using CampaignGrains.Silo.Tables;
using CampaignGrains.Statistics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Serialization;
using Orleans.Storage;

namespace CampaignGrains.Grains.Tests.Storage;

/// <summary>
/// The checkpoint store on Azurite: records of many grains share transactions, each keeps its own ETag, a stale
/// one fails alone while the rest of its transaction lands, and a worst-case record round-trips.
/// </summary>
[Collection(AzuriteClusterCollection.Name)]
public sealed class TableCheckpointStorageTests(AzuriteClusterFixture fixture)
{
    private static readonly OrleansGrainStorageSerializer Serializer = new(new ServiceCollection()
        .AddSerializer(serializer => serializer.AddAssembly(typeof(StatisticsRecord).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>());

    private readonly GatedTableClient _table = new(fixture.Azurite.ConnectionString, "Checkpoints" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task Records_queued_while_a_transaction_runs_are_written_together_and_read_back_each_with_its_own_etag()
    {
        var storage = await CreateStorageAsync(partitions: 1, commitsInFlight: 1);
        var grains = Enumerable.Range(0, 250).Select(Grain).ToList();
        var states = grains.Select((_, i) => State(payloadBytes: 100 + i)).ToList();

        _table.HoldTransactions();
        var writes = grains.Select((grain, i) => storage.WriteStateAsync("email", grain, states[i])).ToList();
        await _table.WhenTransactionHeldAsync();
        _table.ReleaseTransactions();
        await Task.WhenAll(writes);

        // The first transaction took whatever was queued when it started (at least one record); the rest, queued
        // behind it, went 100 at a time.
        Assert.InRange(_table.Transactions, 3, 4);
        for (var i = 0; i < grains.Count; i++)
        {
            var read = new GrainState<StatisticsRecord>();
            await storage.ReadStateAsync("email", grains[i], read);
            Assert.True(read.RecordExists);
            Assert.Equal(states[i].ETag, read.ETag);
            Assert.Equal(states[i].State!.Payload, read.State!.Payload);
        }
    }

    [Fact]
    public async Task A_stale_record_fails_alone_and_the_others_of_its_transaction_land()
    {
        var storage = await CreateStorageAsync(partitions: 1, commitsInFlight: 1);
        var (stale, fresh, updated) = (Grain(1), Grain(2), Grain(3));
        var staleState = State(10);
        var updatedState = State(10);
        await storage.WriteStateAsync("email", stale, staleState);
        await storage.WriteStateAsync("email", updated, updatedState);
        var other = new GrainState<StatisticsRecord>();
        await storage.ReadStateAsync("email", stale, other);
        other.State!.Payload = [42];
        await storage.WriteStateAsync("email", stale, other);

        _table.HoldTransactions();
        var blocker = storage.WriteStateAsync("email", Grain(4), State(1));
        await _table.WhenTransactionHeldAsync();
        var writes = new[]
        {
            storage.WriteStateAsync("email", stale, staleState),
            storage.WriteStateAsync("email", fresh, State(20)),
            storage.WriteStateAsync("email", updated, updatedState),
        };
        _table.ReleaseTransactions();
        await blocker;

        await Assert.ThrowsAsync<InconsistentStateException>(() => writes[0]);
        await Task.WhenAll(writes[1..]);
        Assert.Equal([42], (await ReadAsync(storage, stale)).Payload);
        Assert.Equal(20, (await ReadAsync(storage, fresh)).Payload.Length);
        Assert.Equal(updatedState.State!.Payload, (await ReadAsync(storage, updated)).Payload);
    }

    [Fact]
    public async Task A_new_record_whose_grain_already_has_one_is_refused()
    {
        var storage = await CreateStorageAsync(partitions: 4, commitsInFlight: 8);
        await storage.WriteStateAsync("push", Grain(1), State(10));

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("push", Grain(1), State(11)));

        Assert.Equal(10, (await ReadAsync(storage, Grain(1), "push")).Payload.Length);
    }

    [Fact]
    public async Task The_worst_case_record_round_trips_beside_small_ones_and_a_grain_without_one_reads_empty()
    {
        var storage = await CreateStorageAsync(partitions: 1, commitsInFlight: 1);
        var worst = new GrainState<StatisticsRecord>(new StatisticsRecord
        {
            Payload = StatisticsCodec.Encode(WorstCaseStatistics.Build(StatisticsShape.Email, FrozenTime.Start)),
            Applied = WorstCaseStatistics.AppliedPositions(),
        });

        await Task.WhenAll(storage.WriteStateAsync("email", Grain(1), worst), storage.WriteStateAsync("email", Grain(2), State(5)));

        var read = await ReadAsync(storage, Grain(1));
        Assert.Equal(worst.State!.Payload, read.Payload);
        Assert.Equal(worst.State.Applied, read.Applied);
        var missing = new GrainState<StatisticsRecord>();
        await storage.ReadStateAsync("email", Grain(3), missing);
        Assert.False(missing.RecordExists);
        Assert.Null(missing.ETag);
        Assert.Empty(missing.State!.Payload);
    }

    private async Task<TableCheckpointStorage> CreateStorageAsync(int partitions, int commitsInFlight)
    {
        await _table.CreateIfNotExistsAsync(TestContext.Current.CancellationToken);
        var legacy = new LegacyCheckpoints(new TableClient(fixture.Azurite.ConnectionString, "NoLegacy" + Guid.NewGuid().ToString("N")[..12]), new ThrowingStorage());
        await legacy.InitializeAsync(TestContext.Current.CancellationToken);
        return new TableCheckpointStorage(_table, "checkpoint-tests", partitions,
            new TableGroupCommit(_table, commitsInFlight, maxTransactionBytes: 512 * 1024), Serializer, legacy, NullLogger<TableCheckpointStorage>.Instance);
    }

    private static async Task<StatisticsRecord> ReadAsync(TableCheckpointStorage storage, GrainId grain, string stateName = "email")
    {
        var state = new GrainState<StatisticsRecord>();
        await storage.ReadStateAsync(stateName, grain, state);
        return state.State!;
    }

    private static GrainId Grain(int i) => GrainId.Create("email", $"tenant-a|campaign/{i}?#");

    private static GrainState<StatisticsRecord> State(int payloadBytes) =>
        new(new StatisticsRecord { Payload = [.. Enumerable.Range(0, payloadBytes).Select(b => (byte)b)], Applied = [payloadBytes] });

    /// <summary>Azurite's table, with a gate that holds the next transaction until released, so records queue behind it.</summary>
    private sealed class GatedTableClient(string connectionString, string tableName) : TableClient(connectionString, tableName)
    {
        private TaskCompletionSource? _release;
        private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _transactions;

        public int Transactions => _transactions;

        public void HoldTransactions() => _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task WhenTransactionHeldAsync() => _held.Task;

        public void ReleaseTransactions() => _release?.SetResult();

        public override async Task<Response<IReadOnlyList<Response>>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> transactionActions, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _transactions);
            if (_release is { } release)
            {
                _held.TrySetResult();
                await release.Task;
            }
            return await base.SubmitTransactionAsync(transactionActions, cancellationToken);
        }
    }

    /// <summary>There is no legacy table here: a store that read through it anyway would fail the test.</summary>
    private sealed class ThrowingStorage : IGrainStorage
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => throw new InvalidOperationException("The legacy store was read.");
        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => throw new InvalidOperationException();
        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => throw new InvalidOperationException();
    }
}
