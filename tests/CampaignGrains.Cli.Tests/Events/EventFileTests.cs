using System.Security.Cryptography;
using CampaignGrains.Cli.Events;
using CampaignGrains.Cli.Tests.Fixtures;

namespace CampaignGrains.Cli.Tests.Events;

public sealed class EventFileTests
{
    [Theory]
    [InlineData("events.ndjson")]
    [InlineData("events.csv")]
    public async Task Batch_keys_are_the_first_128_bits_of_the_content_hash_and_the_batch_index(string fileName)
    {
        var format = fileName.EndsWith(".csv") ? EventFormat.Csv : EventFormat.Ndjson;
        using var directory = new TempDirectory();
        var path = directory.File(fileName);
        var events = EventLines.Mixed("keys", 95);
        await File.WriteAllTextAsync(path, format == EventFormat.Csv ? EventLines.Csv(events) : EventLines.Ndjson(events));
        var hash = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path)))[..32];

        var batches = await Read(path, format, batchSize: 40).ToListAsync();

        Assert.Equal([$"ingest-{hash}-0", $"ingest-{hash}-1", $"ingest-{hash}-2"], batches.Select(batch => batch.IdempotencyKey));
        Assert.Equal([40, 40, 15], batches.Select(batch => batch.Events.Count));
        Assert.Equal(events.Select(e => e["eventId"]), batches.SelectMany(batch => batch.Events).Select(sourced => sourced.Event.EventId));
    }

    [Fact]
    public async Task A_file_is_parsed_only_as_far_as_the_batches_taken_so_far()
    {
        using var directory = new TempDirectory();
        var path = directory.File("large.ndjson");
        await File.WriteAllTextAsync(path, EventLines.Ndjson(EventLines.Mixed("lazy", 20_000)));
        var length = new FileInfo(path).Length;
        long bytesRead = 0;

        await using (var batches = Read(path, EventFormat.Ndjson, batchSize: 100, bytes => bytesRead += bytes).GetAsyncEnumerator())
        {
            Assert.True(await batches.MoveNextAsync());
            Assert.InRange(bytesRead, 1, length / 10);
        }
        bytesRead = 0;
        var all = await Read(path, EventFormat.Ndjson, batchSize: 100, bytes => bytesRead += bytes).ToListAsync();

        Assert.Equal(200, all.Count);
        Assert.Equal(length, bytesRead);
    }

    [Fact]
    public async Task Malformed_lines_are_reported_as_they_are_met_between_the_batches()
    {
        using var directory = new TempDirectory();
        var path = directory.File("mixed.ndjson");
        var lines = EventLines.Ndjson(EventLines.Mixed("mixed", 4)).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        lines.Insert(1, "not json");
        lines.Add("[]");
        await File.WriteAllLinesAsync(path, lines);
        var seen = new List<string>();

        await foreach (var batch in Read(path, EventFormat.Ndjson, batchSize: 2, malformed: line => seen.Add($"malformed {line.Origin}")))
            seen.Add($"batch of {batch.Events.Count}");

        Assert.Equal(["malformed mixed.ndjson:2", "batch of 2", "batch of 2", "malformed mixed.ndjson:6"], seen);
    }

    private static IAsyncEnumerable<OutgoingBatch> Read(
        string path, EventFormat format, int batchSize, Action<long>? bytesRead = null, Action<MalformedLine>? malformed = null) =>
        new EventFile(new FileInfo(path), format).BatchesAsync(batchSize, malformed ?? (_ => { }), bytesRead ?? (_ => { }), TestContext.Current.CancellationToken);
}
