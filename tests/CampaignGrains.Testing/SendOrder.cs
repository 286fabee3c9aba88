using CampaignGrains.Abstractions;

namespace CampaignGrains.Testing;

/// <summary>
/// Puts events in the order producers send them: roughly by time, but jittered, and with some events
/// arriving hours or days after their neighbours.
/// </summary>
internal static class SendOrder
{
    public static List<DeliveryEvent> Arrange(Random random, IReadOnlyList<DeliveryEvent> events)
    {
        var keys = new long[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            keys[i] = events[i].Time.UtcTicks + ArrivalDelay(random).Ticks;
        }
        return Enumerable.Range(0, events.Count).OrderBy(i => keys[i]).ThenBy(i => i).Select(i => events[i]).ToList();
    }

    private static TimeSpan ArrivalDelay(Random random)
    {
        var roll = random.NextDouble();
        var maxMinutes = roll < 0.02 ? 7 * 24 * 60 : roll < 0.05 ? 24 * 60 : 20;
        var minMinutes = maxMinutes == 20 ? -20 : 0;
        return TimeSpan.FromTicks(random.NextInt64(minMinutes * 60_000L, maxMinutes * 60_000L) * TimeSpan.TicksPerMillisecond);
    }
}
