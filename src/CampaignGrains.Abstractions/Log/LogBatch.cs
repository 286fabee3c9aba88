namespace CampaignGrains.Abstractions;

/// <summary>One campaign's accepted events of a batch. Key: <see cref="CampaignKey.Of"/>.</summary>
[GenerateSerializer, Immutable, Alias("campaigngrains.CampaignEvents")]
public sealed record CampaignEvents(
    [property: Id(0)] string Key,
    [property: Id(1)] TalliedEvent[] Events);

/// <summary>
/// A validated batch on its way into the ingest log: the digests of its idempotency key and of its content,
/// and its accepted events grouped by campaign.
/// </summary>
[GenerateSerializer, Immutable, Alias("campaigngrains.LogBatch")]
public sealed record LogBatch(
    [property: Id(0)] ulong KeyHash,
    [property: Id(1)] ulong Fingerprint,
    [property: Id(2)] CampaignEvents[] Campaigns);

public enum AppendOutcome
{
    /// <summary>Appended now, and applied by every grain it concerns.</summary>
    Applied = 0,
    /// <summary>The key was appended before with the same content: nothing changed.</summary>
    AlreadyApplied = 1,
    /// <summary>The key was appended before with other content: nothing changed.</summary>
    KeyReusedWithOtherContent = 2,
}
