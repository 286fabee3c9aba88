namespace CampaignGrains.Abstractions;

public enum EventKind
{
    Unspecified = 0,
    Entered = 1,
    Excluded = 2,
    Sent = 3,
    Delivered = 4,
    Bounced = 5,
    Errored = 6,
    Opened = 7,
    Clicked = 8,
    Unsubscribed = 9,
    SpamComplaint = 10,
    PushAction = 11,
}
