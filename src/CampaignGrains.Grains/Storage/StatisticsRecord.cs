namespace CampaignGrains.Grains.Storage;

/// <summary>
/// The persisted state of a statistics grain: one record, so counters and the idempotency ledger that
/// guards them are written atomically. <see cref="Payload"/> is <see cref="StatisticsCodec"/>'s format.
/// </summary>
[GenerateSerializer, Alias("campaigngrains.StatisticsRecord")]
public sealed class StatisticsRecord
{
    [Id(0)]
    public byte[] Payload { get; set; } = [];

    /// <summary>The channels a campaign has used (campaign grain only).</summary>
    [Id(1)]
    public Channel[] Channels { get; set; } = [];
}
