using CampaignGrains.Grains.Ingest;
using CampaignGrains.Grains.Tests.Fixtures;

namespace CampaignGrains.Grains.Tests.Ingest;

public sealed class EventValidatorTests
{
    private static readonly DateTimeOffset Now = FrozenTime.Start;
    private static readonly FieldLimits Limits = new();
    private static readonly DeliveryEvent Email = TestEvents.Email("campaign-1", EventKind.Sent, Now.AddMinutes(-1));
    private static readonly DeliveryEvent Push = TestEvents.Push("campaign-1", EventKind.Sent, Now.AddMinutes(-1));

    [Fact]
    public void Valid_events_pass()
    {
        Assert.Null(EventValidator.Validate(Email, Now, Limits));
        Assert.Null(EventValidator.Validate(Push, Now, Limits));
        Assert.Null(EventValidator.Validate(Push with { Kind = EventKind.Bounced }, Now, Limits));
        Assert.Null(EventValidator.Validate(new DeliveryEvent("e", "campaign-1", Channel.None, EventKind.Entered, Now, "p"), Now, Limits));
        Assert.Null(EventValidator.Validate(Email with { Domain = "  ", Reason = null }, Now, Limits));
    }

    public static TheoryData<string, DeliveryEvent, string> Rejections => new()
    {
        { "missing event id", Email with { EventId = " " }, "event_id" },
        { "event id too long", Email with { EventId = new string('e', FieldLimits.MaxEventId + 1) }, "event_id" },
        { "missing campaign", Email with { CampaignId = "" }, "campaign_id" },
        { "campaign with a slash", Email with { CampaignId = "other/tenant" }, "campaign_id" },
        { "unknown kind", Email with { Kind = (EventKind)99 }, "kind" },
        { "unspecified kind", Email with { Kind = EventKind.Unspecified }, "kind" },
        { "unknown channel", Email with { Channel = (Channel)7 }, "channel" },
        { "entered with a channel", Email with { Kind = EventKind.Entered, Domain = null }, "channel" },
        { "sent without a channel", Email with { Channel = Channel.None, Domain = null }, "channel" },
        { "click on push", Push with { Kind = EventKind.Clicked }, "channel" },
        { "unsubscribe on push", Push with { Kind = EventKind.Unsubscribed }, "channel" },
        { "spam complaint on push", Push with { Kind = EventKind.SpamComplaint }, "channel" },
        { "push action on email", Email with { Kind = EventKind.PushAction }, "channel" },
        { "zero time", Email with { Time = default }, "time" },
        { "negative unix time", Email with { Time = DateTimeOffset.UnixEpoch.AddDays(-1) }, "time" },
        { "far future time", Email with { Time = Now.AddHours(1) }, "time" },
        { "missing profile", Email with { ProfileId = "" }, "profile_id" },
        { "profile too long", Email with { ProfileId = new string('p', FieldLimits.MaxProfileId + 1) }, "profile_id" },
        { "domain on push", Push with { Domain = "example.com" }, "domain" },
        { "domain too long", Email with { Domain = new string('d', FieldLimits.MaxDomain + 1) }, "domain" },
        { "domain with whitespace", Email with { Domain = "exa mple.com" }, "domain" },
        { "control character in domain", Email with { Domain = "exa\u0001mple.com" }, "domain" },
        { "platform on email", Email with { Platform = "ios" }, "platform" },
        { "platform too long", Push with { Platform = new string('x', FieldLimits.MaxPlatform + 1) }, "platform" },
        { "unknown bounce type", Email with { Kind = EventKind.Bounced, BounceType = (BounceType)9 }, "bounce_type" },
        { "bounce type on an open", Email with { Kind = EventKind.Opened, BounceType = BounceType.Hard }, "bounce_type" },
        { "email bounce without type", Email with { Kind = EventKind.Bounced, BounceType = BounceType.None }, "bounce_type" },
        { "reason on an open", Email with { Kind = EventKind.Opened, Reason = "Mailbox full" }, "reason" },
        { "reason too long", Email with { Kind = EventKind.Errored, Reason = new string('r', FieldLimits.MaxReason + 1) }, "reason" },
        { "unpaired surrogate in reason", Email with { Kind = EventKind.Errored, Reason = "bad \ud800 reason" }, "reason" },
        { "control character in reason", Email with { Kind = EventKind.Errored, Reason = "bad\nreason" }, "reason" },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public void Bad_event_is_rejected_naming_its_field(string rule, DeliveryEvent e, string field)
    {
        var rejection = EventValidator.Validate(e, Now, Limits);

        Assert.True(rejection is not null, $"{rule}: accepted");
        Assert.Equal(field, rejection.Field);
        Assert.False(string.IsNullOrWhiteSpace(rejection.Message));
    }

    [Fact]
    public void A_lowered_limit_applies()
    {
        var limits = new FieldLimits { Reason = 10 };

        Assert.Equal("reason", EventValidator.Validate(Email with { Kind = EventKind.Errored, Reason = "eleven char" }, Now, limits)?.Field);
        Assert.Null(EventValidator.Validate(Email with { Kind = EventKind.Errored, Reason = "ten chars!" }, Now, limits));
    }

    [Fact]
    public void Paired_surrogates_are_accepted() =>
        Assert.Null(EventValidator.Validate(Email with { Kind = EventKind.Errored, Reason = "mailbox \ud83d\udce6 full" }, Now, Limits));
}
