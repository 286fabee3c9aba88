namespace CampaignGrains.Abstractions;

public enum StatisticsGrainKind : byte
{
    Campaign = 0,
    Email = 1,
    Push = 2,
}

/// <summary>A statistics grain named as data, so the log can keep, persist and compare the grains an entry concerns.</summary>
[GenerateSerializer, Immutable, Alias("campaigngrains.GrainTarget")]
public readonly record struct GrainTarget(
    [property: Id(0)] StatisticsGrainKind Kind,
    [property: Id(1)] string Key);

/// <summary>A log entry's share for one grain, as handed out when the grain catches up after activation.</summary>
[GenerateSerializer, Immutable, Alias("campaigngrains.PendingShare")]
public sealed record PendingShare(
    [property: Id(0)] long Position,
    [property: Id(1)] BatchShare Share);
