using CampaignGrains.Api.V1;
using CampaignGrains.Cli.Events;
using Google.Protobuf.WellKnownTypes;

namespace CampaignGrains.Cli.Simulation;

/// <summary>
/// Generates a campaign as producers would report it: every recipient enters, may be excluded, is sent
/// to by email or push, and then errors, bounces or is delivered, opens, clicks, acts, unsubscribes or
/// complains, each step later than the one it follows. Deterministic: one seed, one sequence of events.
/// </summary>
internal static class CampaignSimulator
{
    // Rates the options do not expose, at levels common in real campaigns.
    private const double CampaignExcludeRate = 0.02;
    private const double ChannelExcludeRate = 0.05;
    private const double ErrorRate = 0.01;
    private const double UnsubscribeRate = 0.004;
    private const double SpamComplaintRate = 0.0008;
    private const double PushActionRate = 0.12;

    /// <summary>Every event of the campaign, ordered by time (then event id), as a live feed would send them.</summary>
    public static IReadOnlyList<DeliveryEvent> Generate(SimulationOptions options)
    {
        var random = new Random(options.Seed);
        var events = new List<DeliveryEvent>();
        for (var recipient = 0; recipient < options.Recipients; recipient++) AddJourney(options, random, recipient, events);
        return [.. events.OrderBy(e => e.Time).ThenBy(e => e.EventId, StringComparer.Ordinal)];
    }

    /// <summary>The events in batches keyed "sim-&lt;options fingerprint&gt;-&lt;batch index&gt;": a rerun sends the same keys.</summary>
    public static IEnumerable<OutgoingBatch> Batches(SimulationOptions options, IReadOnlyList<DeliveryEvent> events, int batchSize)
    {
        var stem = options.Fingerprint();
        return events.Chunk(batchSize).Select((chunk, index) =>
            new OutgoingBatch($"sim-{stem}-{index}", [.. chunk.Select(e => new SourcedEvent(e, $"simulated {e.EventId}"))]));
    }

    private static void AddJourney(SimulationOptions options, Random random, int recipient, List<DeliveryEvent> events)
    {
        var journey = new Journey(options, recipient, options.End - options.Span + options.Span * random.NextDouble(), events);
        journey.Add(EventKind.Entered, Channel.Unspecified, TimeSpan.Zero);
        if (random.NextDouble() < CampaignExcludeRate)
        {
            journey.Add(EventKind.Excluded, Channel.Unspecified, Seconds(random, 1, 60), reason: Vocabulary.CampaignExcludes.Pick(random));
            return;
        }

        var email = random.NextDouble() < options.EmailShare;
        var channel = email ? Channel.Email : Channel.Push;
        if (email) journey.Domain = Vocabulary.Domains.Pick(random);
        else journey.Platform = Vocabulary.Platforms.Pick(random);
        if (random.NextDouble() < ChannelExcludeRate)
        {
            journey.Add(EventKind.Excluded, channel, Seconds(random, 1, 60), reason: (email ? Vocabulary.EmailExcludes : Vocabulary.PushExcludes).Pick(random));
            return;
        }
        if (random.NextDouble() < ErrorRate)
        {
            journey.Add(EventKind.Errored, channel, Seconds(random, 5, 120), reason: Vocabulary.Errors.Pick(random));
            return;
        }

        journey.Add(EventKind.Sent, channel, Seconds(random, 5, 120));
        if (random.NextDouble() < options.BounceRate)
        {
            if (email)
            {
                var (type, reasons) = Bounce(random);
                journey.Add(EventKind.Bounced, channel, Seconds(random, 2, 600), type, reasons.Pick(random));
            }
            else
            {
                journey.Add(EventKind.Bounced, channel, Seconds(random, 2, 600), reason: Vocabulary.PushBounces.Pick(random));
            }
            return;
        }
        // Delivered among the unbounced so that delivered / sent comes out at the delivery rate; the rest stay pending.
        if (random.NextDouble() >= Math.Min(1, options.DeliveryRate / (1 - options.BounceRate))) return;
        journey.Add(EventKind.Delivered, channel, Seconds(random, 1, 30));

        var opens = random.NextDouble() < options.OpenRate;
        if (opens)
        {
            // Most read a message hours after it arrives; some read it again.
            journey.Add(EventKind.Opened, channel, TimeSpan.FromMinutes(Math.Min(48 * 60, -120 * Math.Log(1 - random.NextDouble()))));
            if (random.NextDouble() < 0.3) journey.Add(EventKind.Opened, channel, Seconds(random, 60, 7200));
        }
        if (email)
        {
            // A click proves an open: clickers are drawn among openers, at the click rate of the delivered.
            if (opens && options.OpenRate > 0 && random.NextDouble() < Math.Min(1, options.ClickRate / options.OpenRate))
                journey.Add(EventKind.Clicked, channel, Seconds(random, 5, 900));
            if (random.NextDouble() < UnsubscribeRate) journey.Add(EventKind.Unsubscribed, channel, Seconds(random, 10, 3600));
            if (random.NextDouble() < SpamComplaintRate) journey.Add(EventKind.SpamComplaint, channel, Seconds(random, 10, 3600));
        }
        else if (random.NextDouble() < PushActionRate)
        {
            journey.Add(EventKind.PushAction, channel, Seconds(random, 2, 600));
        }
    }

    private static (BounceType Type, Weighted<string> Reasons) Bounce(Random random) => random.Next(100) switch
    {
        < 50 => (BounceType.Hard, Vocabulary.HardBounces),
        < 85 => (BounceType.Soft, Vocabulary.SoftBounces),
        _ => (BounceType.Ignored, Vocabulary.IgnoredBounces),
    };

    private static TimeSpan Seconds(Random random, int min, int max) => TimeSpan.FromSeconds(random.Next(min, max + 1));

    /// <summary>A fraction in [0, 1] that looks random but depends only on its inputs (a multiplicative hash).</summary>
    private static double Spread(int recipient, int step) => (uint)((recipient * 2654435761u) ^ (step * 40503u * 2246822519u)) / (double)uint.MaxValue;

    /// <summary>One recipient's events, each a step after the previous one, never past the span's end.</summary>
    private sealed class Journey(SimulationOptions options, int recipient, DateTimeOffset start, List<DeliveryEvent> events)
    {
        private DateTimeOffset _time = start;
        private int _step;

        public string Domain { get; set; } = "";

        public string Platform { get; set; } = "";

        public void Add(EventKind kind, Channel channel, TimeSpan after, BounceType bounceType = BounceType.Unspecified, string reason = "")
        {
            // A step that would fall past the span's end lands between the previous step and the end instead:
            // spread, not piled up on the end, and chosen from the recipient and step alone so the random
            // sequence (which events there are) stays the same for any span.
            _time = _time + after <= options.End ? _time + after : _time + (options.End - _time) * Spread(recipient, _step);
            events.Add(new DeliveryEvent
            {
                EventId = $"sim-{options.Seed}-{recipient}-{_step++}",
                CampaignId = options.CampaignId,
                Channel = channel,
                Kind = kind,
                Time = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(_time.ToUnixTimeMilliseconds())),
                ProfileId = $"{options.CampaignId}-profile-{recipient}",
                Domain = channel == Channel.Email ? Domain : "",
                Platform = channel == Channel.Push ? Platform : "",
                BounceType = bounceType,
                Reason = reason,
            });
        }
    }
}
