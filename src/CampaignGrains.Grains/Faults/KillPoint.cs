namespace CampaignGrains.Grains.Faults;

/// <summary>The points of the log's protocol where the crash tests kill a silo (see <see cref="KillPoints"/>).</summary>
public enum KillPoint
{
    None,

    /// <summary>A log shard's group commit landed; no grain has its shares, no producer its acknowledgement.</summary>
    AfterAppend,

    /// <summary>Every grain applied a batch's shares; the producer has no acknowledgement.</summary>
    AfterApply,

    /// <summary>A grain's checkpoint landed; the grain has not marked it written, nor told the shards.</summary>
    AfterCheckpoint,

    /// <summary>A shard's cursor moved past checkpointed entries; the entries behind it are not yet deleted.</summary>
    AfterCursorWrite,
}
