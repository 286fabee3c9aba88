using Azure.Data.Tables;

namespace CampaignGrains.Silo.Storage;

/// <summary>
/// One grain's record as a table entity. The partition is one of a fixed number per service, chosen by the grain
/// id's stable hash, so many grains' records can share an entity-group transaction; the row key is the grain id
/// and state name, escaped (table keys forbid '/', '\', '#', '?' and control characters). The serialized record
/// is split into binary properties of at most 64,000 bytes ("D00", "D01", …), the property limit being 64 KiB.
/// </summary>
internal static class CheckpointEntity
{
    private const int PropertyBytes = 64_000;

    /// <summary>An entity holds 1 MiB; this leaves room for keys and property names.</summary>
    public const int MaxRecordBytes = 15 * PropertyBytes;

    public static string PartitionKey(string serviceId, GrainId grainId, int partitions) =>
        $"{Uri.EscapeDataString(serviceId)}|{grainId.GetUniformHashCode() % (uint)partitions:D3}";

    public static string RowKey(string stateName, GrainId grainId) => $"{Uri.EscapeDataString(grainId.ToString())}|{Uri.EscapeDataString(stateName)}";

    public static TableEntity Create(string partitionKey, string rowKey, ReadOnlyMemory<byte> record)
    {
        if (record.Length > MaxRecordBytes)
            throw new ArgumentException($"A grain's record is {record.Length} bytes; a table entity holds at most {MaxRecordBytes}.", nameof(record));
        var entity = new TableEntity(partitionKey, rowKey);
        for (var part = 0; part * PropertyBytes < record.Length; part++)
        {
            var start = part * PropertyBytes;
            entity[PropertyName(part)] = record.Slice(start, Math.Min(PropertyBytes, record.Length - start)).ToArray();
        }
        return entity;
    }

    public static BinaryData Record(TableEntity entity)
    {
        var parts = new List<byte[]>();
        while (entity.GetBinary(PropertyName(parts.Count)) is { } part) parts.Add(part);
        var record = new byte[parts.Sum(part => part.Length)];
        var offset = 0;
        foreach (var part in parts)
        {
            part.CopyTo(record, offset);
            offset += part.Length;
        }
        return new BinaryData(record);
    }

    private static string PropertyName(int part) => $"D{part:D2}";
}
