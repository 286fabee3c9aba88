namespace CampaignGrains.Abstractions;

/// <summary>The delivery channel of an event. <see cref="None"/> is for campaign-level events (entered, and excluded before a channel was chosen).</summary>
public enum Channel
{
    None = 0,
    Email = 1,
    Push = 2,
}
