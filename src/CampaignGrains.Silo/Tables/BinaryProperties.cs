using Azure.Data.Tables;

namespace CampaignGrains.Silo.Tables;

/// <summary>
/// Bytes kept in one table entity as binary properties "D0", "D1", … of at most 64 KiB each (the property limit),
/// at most 15 of them, which leaves room under the 1 MiB entity limit for the keys and other properties.
/// </summary>
internal static class BinaryProperties
{
    private const int PropertyBytes = 64 * 1024;

    /// <summary>The most bytes one entity carries this way.</summary>
    public const int MaxBytes = 15 * PropertyBytes;

    public static void Write(TableEntity entity, ReadOnlyMemory<byte> data)
    {
        if (data.Length > MaxBytes) throw new ArgumentException($"{data.Length} bytes do not fit one table entity; at most {MaxBytes} do.", nameof(data));
        for (var p = 0; p * PropertyBytes < data.Length; p++)
            entity[$"D{p}"] = data.Slice(p * PropertyBytes, Math.Min(PropertyBytes, data.Length - p * PropertyBytes)).ToArray();
    }

    public static void CopyTo(TableEntity entity, Stream destination)
    {
        for (var p = 0; entity.GetBinary($"D{p}") is { } chunk; p++) destination.Write(chunk);
    }
}
