using CampaignGrains.Abstractions;
using static CampaignGrains.Testing.GeneratorVocabulary;

namespace CampaignGrains.Testing;

/// <summary>
/// Writes the logical events of a campaign, profile by profile: entry, exclusion, and per channel the
/// send, delivery or bounce or error, and engagement. Events that would happen after now are left out.
/// </summary>
internal sealed class JourneyWriter
{
    private const double PaddedKeyShare = 0.05;
    private const double MissingKeyShare = 0.03;
    private const double BoundaryTimeShare = 0.003;

    private static readonly WeightedChoice<string> DomainChoice = WeightedChoice<string>.Skewed(Domains, 1.1);

    private readonly Random random;
    private readonly string campaignId;
    private readonly int eventCount;
    private readonly int profileCount;
    private readonly DateTimeOffset latest;
    private readonly DateTimeOffset[] boundaryTimes;
    private readonly List<DeliveryEvent> events;

    public JourneyWriter(Random random, string campaignId, DateTimeOffset now, int eventCount)
    {
        this.random = random;
        this.campaignId = campaignId;
        this.eventCount = eventCount;
        profileCount = Math.Max(1, eventCount / 8);
        latest = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        boundaryTimes = BoundaryTimes(now, latest);
        events = new List<DeliveryEvent>(eventCount);
    }

    /// <summary>Exactly the requested number of events, ids e0, e1, ... in time-of-writing order.</summary>
    public List<DeliveryEvent> Write()
    {
        // Journeys beyond the profile count re-enter earlier profiles, as a recurring campaign would.
        for (var journey = 0; events.Count < eventCount; journey++)
        {
            WriteJourney($"p{journey % profileCount:D6}");
        }
        return events;
    }

    private void WriteJourney(string profile)
    {
        var entered = EnteredTime();
        Add(Channel.None, EventKind.Entered, entered, profile);
        if (Chance(0.04))
        {
            Add(Channel.None, EventKind.Excluded, entered + Millis(1_000, 60_000), profile, reason: ReasonFrom(CampaignExcludeReasons));
            return;
        }
        var email = Chance(0.75);
        var push = Chance(0.5);
        if (email || !push) WriteEmail(profile, entered);
        if (push) WritePush(profile, entered);
    }

    private void WriteEmail(string profile, DateTimeOffset entered)
    {
        var domain = KeyOrNull(Domains[0], DomainChoice.Next(random));
        var sent = entered + Millis(0, 30 * 60_000);
        void Email(EventKind kind, DateTimeOffset time, BounceType bounceType = BounceType.None, string? reason = null) =>
            Add(Channel.Email, kind, time, profile, domain: domain, bounceType: bounceType, reason: reason);

        if (Chance(0.05))
        {
            Email(EventKind.Excluded, sent, reason: ReasonFrom(EmailExcludeReasons));
            return;
        }
        if (Chance(0.02))
        {
            Email(EventKind.Errored, sent, reason: ReasonFrom(EmailErrorReasons));
            return;
        }
        Email(EventKind.Sent, sent);
        var arrived = sent + Millis(500, 5 * 60_000);
        if (Chance(0.06))
        {
            var type = EmailBounceTypes.Next(random);
            Email(EventKind.Bounced, arrived, type, ReasonFrom(BounceReasonsFor(type)));
            return;
        }
        Email(EventKind.Delivered, arrived);

        var engaged = arrived;
        var opens = Chance(0.45) ? 1 + random.Next(3) : 0;
        for (var i = 0; i < opens; i++)
        {
            engaged += Delay(4 * 3_600_000.0);
            Email(EventKind.Opened, engaged);
        }
        // A few clicks come without an open event (images blocked): they still prove an open.
        if (opens > 0 ? Chance(0.35) : Chance(0.02))
        {
            var clicks = Chance(0.2) ? 2 : 1;
            for (var i = 0; i < clicks; i++)
            {
                engaged += Millis(1_000, 30 * 60_000);
                Email(EventKind.Clicked, engaged);
            }
        }
        if (Chance(0.01)) Email(EventKind.Unsubscribed, engaged + Millis(1_000, 3_600_000));
        if (Chance(0.003)) Email(EventKind.SpamComplaint, engaged + Delay(12 * 3_600_000.0));
    }

    private void WritePush(string profile, DateTimeOffset entered)
    {
        var platform = KeyOrNull("ios", Platforms.Next(random));
        var sent = entered + Millis(0, 30 * 60_000);
        void Push(EventKind kind, DateTimeOffset time, string? onPlatform, BounceType bounceType = BounceType.None, string? reason = null) =>
            Add(Channel.Push, kind, time, profile, platform: onPlatform, bounceType: bounceType, reason: reason);

        if (Chance(0.06))
        {
            // Without a token the producer often cannot tell the platform.
            Push(EventKind.Excluded, sent, Chance(0.5) ? platform : null, reason: ReasonFrom(PushExcludeReasons));
            return;
        }
        if (Chance(0.02))
        {
            Push(EventKind.Errored, sent, platform, reason: ReasonFrom(PushErrorReasons));
            return;
        }
        Push(EventKind.Sent, sent, platform);
        var arrived = sent + Millis(200, 60_000);
        if (Chance(0.04))
        {
            Push(EventKind.Bounced, arrived, platform, PushBounceTypes.Next(random), Chance(0.3) ? null : ReasonFrom(PushBounceReasons));
            return;
        }
        Push(EventKind.Delivered, arrived, platform);

        var engaged = arrived;
        var opens = Chance(0.15) ? 1 + random.Next(2) : 0;
        for (var i = 0; i < opens; i++)
        {
            engaged += Delay(2 * 3_600_000.0);
            Push(EventKind.Opened, engaged, platform);
        }
        if (Chance(0.10)) Push(EventKind.PushAction, engaged + Millis(1_000, 3_600_000), platform);
    }

    private void Add(Channel channel, EventKind kind, DateTimeOffset time, string profile,
        string? domain = null, string? platform = null, BounceType bounceType = BounceType.None, string? reason = null)
    {
        if (events.Count >= eventCount || time > latest) return;
        if (Chance(BoundaryTimeShare)) time = boundaryTimes[random.Next(boundaryTimes.Length)];
        events.Add(new DeliveryEvent($"e{events.Count}", campaignId, channel, kind, time, profile, domain, platform, bounceType, reason));
    }

    private DateTimeOffset EnteredTime()
    {
        const long day = 24L * 3_600_000;
        var ago = Chance(0.35) ? random.NextInt64(0, day) : random.NextInt64(0, 10 * day);
        return latest - TimeSpan.FromTicks(ago * TimeSpan.TicksPerMillisecond);
    }

    /// <summary>Times on and just before the edges of the live window, its breakdown hours and today.</summary>
    private static DateTimeOffset[] BoundaryTimes(DateTimeOffset now, DateTimeOffset latest)
    {
        var oneMs = TimeSpan.FromTicks(TimeSpan.TicksPerMillisecond);
        var bucket = ReportBuckets.Index(now, ReportBuckets.FiveMinutes);
        var hour = ReportBuckets.Index(now, ReportBuckets.Hour);
        var day = ReportBuckets.Index(now, ReportBuckets.Day);
        var liveStart = ReportBuckets.Start(bucket - 287, ReportBuckets.FiveMinutes);
        var breakdownStart = ReportBuckets.Start(hour - 23, ReportBuckets.Hour);
        var today = ReportBuckets.Start(day, ReportBuckets.Day);
        return
        [
            liveStart, liveStart - oneMs, breakdownStart, breakdownStart - oneMs,
            ReportBuckets.Start(bucket, ReportBuckets.FiveMinutes), ReportBuckets.Start(hour, ReportBuckets.Hour),
            today, today - oneMs, latest,
        ];
    }

    private string? ReasonFrom(string[] reasons) => KeyOrNull(reasons[0], reasons[Skew(reasons.Length)]);

    // Only the most popular key is ever padded, so padding adds at most one raw spelling per list.
    private string? KeyOrNull(string mostPopular, string key) =>
        Chance(MissingKeyShare) ? null : key == mostPopular && Chance(PaddedKeyShare) ? $" {key} " : key;

    private int Skew(int count) => (int)(Math.Pow(random.NextDouble(), 2) * count);

    private bool Chance(double probability) => random.NextDouble() < probability;

    private TimeSpan Millis(long min, long max) => TimeSpan.FromTicks(random.NextInt64(min, max) * TimeSpan.TicksPerMillisecond);

    /// <summary>An exponential delay with the given mean in milliseconds, capped at three days.</summary>
    private TimeSpan Delay(double meanMillis)
    {
        var ms = (long)Math.Min(-meanMillis * Math.Log(1 - random.NextDouble()), 3 * 24 * 3_600_000.0);
        return TimeSpan.FromTicks(Math.Max(1, ms) * TimeSpan.TicksPerMillisecond);
    }
}
