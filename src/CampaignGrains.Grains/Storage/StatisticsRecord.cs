namespace CampaignGrains.Grains.Storage;

/// <summary>
/// A statistics grain's checkpoint: one record, so its sums and the log positions they cover are written
/// atomically. <see cref="Payload"/> is <see cref="StatisticsCodec"/>'s format.
/// </summary>
[GenerateSerializer, Alias("campaigngrains.StatisticsRecord")]
public sealed class StatisticsRecord
{
    [Id(0)]
    public byte[] Payload { get; set; } = [];

    /// <summary>The channels a campaign has used (campaign grain only).</summary>
    [Id(1)]
    public Channel[] Channels { get; set; } = [];

    /// <summary>Per log shard, the last position whose entry the sums include.</summary>
    [Id(2)]
    public long[] Applied { get; set; } = [];

    /// <summary>The campaign is in the campaign directory (campaign grain only).</summary>
    [Id(3)]
    public bool Listed { get; set; }
}
