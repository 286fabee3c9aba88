using System.Runtime.CompilerServices;

namespace CampaignGrains.Cli.Events;

/// <summary>The files one ingest reads, one after the other, and how many of their bytes are parsed so far.</summary>
internal sealed class EventFiles(IReadOnlyList<EventFile> files)
{
    private long _bytesRead;

    public long TotalBytes { get; } = files.Sum(file => file.Length);

    /// <summary>Read while the batches are sent, from whichever thread a send completes on.</summary>
    public long BytesRead => Interlocked.Read(ref _bytesRead);

    /// <summary>Every file's batches in turn, each file read as they are asked for.</summary>
    public async IAsyncEnumerable<OutgoingBatch> BatchesAsync(
        int batchSize, Action<MalformedLine> malformed, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var file in files)
        {
            await foreach (var batch in file.BatchesAsync(batchSize, malformed, bytes => Interlocked.Add(ref _bytesRead, bytes), cancellationToken))
                yield return batch;
        }
    }
}
