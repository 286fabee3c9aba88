namespace CampaignGrains.Cli.Events;

/// <summary>
/// The columns of an event file: DeliveryEvent's proto JSON names. Documented in <c>campaignctl ingest --help</c>.
/// </summary>
internal static class EventFieldNames
{
    public const string EventId = "eventId";
    public const string CampaignId = "campaignId";
    public const string Channel = "channel";
    public const string Kind = "kind";
    public const string Time = "time";
    public const string ProfileId = "profileId";
    public const string Domain = "domain";
    public const string Platform = "platform";
    public const string BounceType = "bounceType";
    public const string Reason = "reason";

    public static readonly IReadOnlyList<string> All = [EventId, CampaignId, Channel, Kind, Time, ProfileId, Domain, Platform, BounceType, Reason];

    /// <summary>The name as this file spells it, or null when no such field exists. Case does not matter.</summary>
    public static string? Canonical(string name) => All.FirstOrDefault(field => string.Equals(field, name.Trim(), StringComparison.OrdinalIgnoreCase));
}
