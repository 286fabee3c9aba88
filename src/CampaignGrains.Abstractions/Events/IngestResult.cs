namespace CampaignGrains.Abstractions;

public enum BatchOutcome
{
    /// <summary>The batch's accepted events are durable.</summary>
    Applied = 0,
    /// <summary>The key was applied before: nothing changed, and every valid event is reported as a duplicate.</summary>
    AlreadyApplied = 1,
    /// <summary>The key was applied before with other events: nothing changed.</summary>
    KeyReusedWithOtherContent = 2,
    /// <summary>Every event was rejected: nothing changed.</summary>
    Rejected = 3,
}

public enum EventOutcome
{
    Accepted = 0,
    Duplicate = 1,
    Rejected = 2,
}

/// <summary>What happened to one event that was not simply accepted.</summary>
/// <param name="Index">Position of the event in the batch.</param>
/// <param name="Field">The offending field (snake_case, as in the API), when rejected.</param>
[GenerateSerializer, Immutable, Alias("campaigngrains.EventIssue")]
public sealed record EventIssue(
    [property: Id(0)] int Index,
    [property: Id(1)] EventOutcome Outcome,
    [property: Id(2)] string? Field,
    [property: Id(3)] string Message);

/// <summary>
/// The answer to a batch, given only once its accepted events are durable. Events not listed in
/// <see cref="Issues"/> were accepted (or, for <see cref="BatchOutcome.AlreadyApplied"/>, duplicates).
/// </summary>
[GenerateSerializer, Immutable, Alias("campaigngrains.IngestResult")]
public sealed record IngestResult(
    [property: Id(0)] BatchOutcome Outcome,
    [property: Id(1)] int Accepted,
    [property: Id(2)] int Duplicates,
    [property: Id(3)] int Rejected,
    [property: Id(4)] EventIssue[] Issues);
