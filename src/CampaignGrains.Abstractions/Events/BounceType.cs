namespace CampaignGrains.Abstractions;

public enum BounceType
{
    /// <summary>Not stated: allowed on push bounces only.</summary>
    None = 0,
    /// <summary>Permanent, e.g. unknown user.</summary>
    Hard = 1,
    /// <summary>Temporary, e.g. mailbox full.</summary>
    Soft = 2,
    /// <summary>Temporary such as out-of-office, or technical such as a postmaster sender.</summary>
    Ignored = 3,
}
