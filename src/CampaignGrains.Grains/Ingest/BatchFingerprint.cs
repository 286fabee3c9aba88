using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CampaignGrains.Grains.Ingest;

/// <summary>
/// 64-bit digests of an idempotency key and of a batch's content. Grains keep only these, 16 bytes a
/// batch; two different keys or contents collide with probability about 2^-64 per pair.
/// </summary>
public static class BatchFingerprint
{
    public static ulong OfKey(string tenantId, string idempotencyKey) => Digest(writer =>
    {
        writer.Write(tenantId);
        writer.Write(idempotencyKey);
    });

    /// <summary>Covers every field of every event, in order, exactly as sent.</summary>
    public static ulong OfContent(EventBatch batch) => Digest(writer =>
    {
        writer.Write(batch.Events.Length);
        foreach (var e in batch.Events)
        {
            writer.Write(e.EventId ?? "\0null");
            writer.Write(e.CampaignId ?? "\0null");
            writer.Write((int)e.Channel);
            writer.Write((int)e.Kind);
            writer.Write(e.Time.UtcTicks);
            writer.Write(e.ProfileId ?? "\0null");
            writer.Write(e.Domain ?? "\0null");
            writer.Write(e.Platform ?? "\0null");
            writer.Write((int)e.BounceType);
            writer.Write(e.Reason ?? "\0null");
        }
    });

    private static ulong Digest(Action<BinaryWriter> write)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var stream = new HashingStream(hash);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true)) write(writer);
        return BinaryPrimitives.ReadUInt64LittleEndian(hash.GetHashAndReset());
    }

    /// <summary>Feeds what a <see cref="BinaryWriter"/> writes straight into the hash, without buffering the batch.</summary>
    private sealed class HashingStream(IncrementalHash hash) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => hash.AppendData(buffer, offset, count);
        public override void Write(ReadOnlySpan<byte> buffer) => hash.AppendData(buffer);
    }
}
