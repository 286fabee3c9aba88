using Azure.Data.Tables;
using CampaignGrains.Silo.Tables;

namespace CampaignGrains.Silo.Storage;

/// <summary>
/// One grain's record as a table entity. The partition is one of a fixed number per service, chosen by the grain
/// id's stable hash, so many grains' records can share an entity-group transaction; the row key is the grain id
/// and state name, escaped (table keys forbid '/', '\', '#', '?' and control characters). The serialized record
/// is the entity's binary properties (<see cref="BinaryProperties"/>).
/// </summary>
internal static class CheckpointEntity
{
    public static string PartitionKey(string serviceId, GrainId grainId, int partitions) =>
        $"{Uri.EscapeDataString(serviceId)}|{grainId.GetUniformHashCode() % (uint)partitions:D3}";

    public static string RowKey(string stateName, GrainId grainId) => $"{Uri.EscapeDataString(grainId.ToString())}|{Uri.EscapeDataString(stateName)}";

    public static TableEntity Create(string partitionKey, string rowKey, ReadOnlyMemory<byte> record)
    {
        var entity = new TableEntity(partitionKey, rowKey);
        BinaryProperties.Write(entity, record);
        return entity;
    }

    public static BinaryData Record(TableEntity entity)
    {
        using var record = new MemoryStream();
        BinaryProperties.CopyTo(entity, record);
        return new BinaryData(record.ToArray());
    }
}
