using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace CampaignGrains.Cli.Events;

/// <summary>
/// One file of events, streamed twice: first for the SHA-256 of its content, which its batches' keys derive from,
/// then for its events, batched as they are parsed. Only the batch being filled is held here, so a file of any
/// size is read in bounded memory.
/// </summary>
internal sealed class EventFile(FileInfo file, EventFormat format)
{
    /// <summary>64 KiB reads: few system calls over a multi-GB file, and small next to a batch of events.</summary>
    private const int BufferSize = 64 * 1024;

    /// <summary>The file's size when the run began: what the progress bar counts bytes read against.</summary>
    public long Length { get; } = file.Length;

    /// <summary>
    /// The events in batches of <paramref name="batchSize"/>, keyed "ingest-&lt;first 128 bits of the content's
    /// SHA-256, hex&gt;-&lt;batch index&gt;": the same file and batch size give the same keys, so a rerun is all duplicates.
    /// </summary>
    /// <param name="malformed">Told of each line that is not an event, as the parse meets it.</param>
    /// <param name="bytesRead">Told how many more of the file's bytes the parse has consumed, once per batch and at the end.</param>
    public async IAsyncEnumerable<OutgoingBatch> BatchesAsync(
        int batchSize, Action<MalformedLine> malformed, Action<long> bytesRead, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // One handle for both passes, shared with readers only: where the system enforces it, nobody changes the
        // file between the hash and the parse, so the keys name exactly the content sent.
        await using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        var stem = $"ingest-{Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken))[..32]}";
        stream.Position = 0;
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, BufferSize);

        var (batch, index, reported) = (new List<SourcedEvent>(batchSize), 0, 0L);
        foreach (var sourced in format == EventFormat.Ndjson ? NdjsonEvents.Read(file.Name, reader, malformed) : CsvEvents.Read(file.Name, reader, malformed))
        {
            cancellationToken.ThrowIfCancellationRequested();
            batch.Add(sourced);
            if (batch.Count < batchSize) continue;
            // The stream's position runs a buffer or two ahead of the parse: close enough for a progress bar.
            bytesRead(stream.Position - reported);
            reported = stream.Position;
            yield return new OutgoingBatch($"{stem}-{index++}", batch);
            batch = new List<SourcedEvent>(batchSize);
        }
        bytesRead(stream.Position - reported);
        if (batch.Count > 0) yield return new OutgoingBatch($"{stem}-{index}", batch);
    }
}
