using Azure.Data.Tables;
using CampaignGrains.Grains.Log;
using CampaignGrains.Grains.Tests.Fixtures;
using CampaignGrains.Silo.Log;

namespace CampaignGrains.Grains.Tests.Log;

/// <summary>The ingest log's Azure Table store on Azurite: the atomic append, the duplicate check, fencing, reading back, truncation.</summary>
[Collection(AzuriteClusterCollection.Name)]
public sealed class TableIngestLogStoreTests(AzuriteClusterFixture fixture)
{
    private static readonly DateOnly Day = DateOnly.FromDateTime(DateTime.UtcNow);
    private static int _nextShard = 100;

    private readonly TableIngestLogStore _store = new(new TableServiceClient(fixture.Azurite.ConnectionString), "log-store-tests");
    private readonly int _shard = Interlocked.Increment(ref _nextShard);

    [Fact]
    public async Task Appended_entries_read_back_in_order_with_their_data_and_markers()
    {
        var entries = new[] { Entry(1, key: 11, size: 10), Entry(2, key: 12, size: 3 * 1024 * 1024 / 2), Entry(3, key: 13, size: 0) };

        Assert.Null(await _store.AppendAsync(_shard, Day, entries[..1], Cancel));
        Assert.Null(await _store.AppendAsync(_shard, Day, entries[1..], Cancel));

        var read = await ReadAllAsync(after: 0);
        Assert.Equal([1L, 2L, 3L], read.Select(entry => entry.Position));
        Assert.All(read.Zip(entries), pair => Assert.Equal(pair.Second.Data, pair.First.Data));
        Assert.Equal(new KeyMarker(2, 12 * 7), await _store.FindMarkerAsync(_shard, Day, 12, Cancel));
        Assert.Equal([3L], (await ReadAllAsync(after: 2)).Select(entry => entry.Position));
    }

    [Fact]
    public async Task A_key_already_appended_fails_the_whole_append_and_is_named_by_its_index()
    {
        Assert.Null(await _store.AppendAsync(_shard, Day, [Entry(1, key: 21)], Cancel));

        var taken = await _store.AppendAsync(_shard, Day, [Entry(2, key: 22), Entry(3, key: 21)], Cancel);

        Assert.Equal(1, taken);
        Assert.Equal([1L], (await ReadAllAsync(after: 0)).Select(entry => entry.Position));
        Assert.Null(await _store.FindMarkerAsync(_shard, Day, 22, Cancel));
    }

    [Fact]
    public async Task A_position_already_written_fences_the_writer_off()
    {
        Assert.Null(await _store.AppendAsync(_shard, Day, [Entry(1, key: 31)], Cancel));

        await Assert.ThrowsAsync<LogFencedException>(() => _store.AppendAsync(_shard, Day, [Entry(1, key: 32)], Cancel));
    }

    [Fact]
    public async Task Truncation_deletes_the_entries_up_to_a_position_in_any_number_and_size_and_keeps_their_markers()
    {
        // 150 entries in transactions of 30, then one of two parts: more than one delete transaction's 100 entities.
        for (var first = 1; first <= 150; first += 30)
            Assert.Null(await _store.AppendAsync(_shard, Day, [.. Enumerable.Range(first, 30).Select(position => Entry(position, key: (ulong)(1000 + position)))], Cancel));
        Assert.Null(await _store.AppendAsync(_shard, Day, [Entry(151, key: 1151, size: 3 * 1024 * 1024 / 2)], Cancel));
        Assert.Null(await _store.AppendAsync(_shard, Day, [Entry(152, key: 1152)], Cancel));

        await _store.TruncateAsync(_shard, through: 151, Cancel);

        Assert.Equal([152L], (await ReadAllAsync(after: 0)).Select(entry => entry.Position));
        Assert.Equal(new KeyMarker(151, 1151 * 7), await _store.FindMarkerAsync(_shard, Day, 1151, Cancel));
        Assert.Equal(new KeyMarker(1, 1001 * 7), await _store.FindMarkerAsync(_shard, Day, 1001, Cancel));
        // Truncating again, or behind what is left, deletes nothing more.
        await _store.TruncateAsync(_shard, through: 151, Cancel);
        Assert.Equal([152L], (await ReadAllAsync(after: 0)).Select(entry => entry.Position));
    }

    [Fact]
    public async Task Cursor_round_trips_and_starts_at_the_beginning()
    {
        Assert.Equal(new LogCursor(0, DateOnly.MinValue), await _store.ReadCursorAsync(_shard, Cancel));
        await _store.WriteCursorAsync(_shard, new LogCursor(41, Day), Cancel);
        Assert.Equal(new LogCursor(41, Day), await _store.ReadCursorAsync(_shard, Cancel));
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<List<StoredEntry>> ReadAllAsync(long after)
    {
        var entries = new List<StoredEntry>();
        await foreach (var entry in _store.ReadAsync(_shard, after, DateOnly.MinValue, Day, Cancel)) entries.Add(entry);
        return entries;
    }

    private static StoredEntry Entry(long position, ulong key, int size = 100)
    {
        var data = new byte[size];
        new Random((int)position).NextBytes(data);
        return new StoredEntry(position, key, key * 7, data);
    }
}
