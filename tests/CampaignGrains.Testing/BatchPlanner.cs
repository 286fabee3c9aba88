using CampaignGrains.Abstractions;

namespace CampaignGrains.Testing;

/// <summary>
/// Cuts events in send order into batches of 1 to 2000 events, repeats about 2 % of events inside their
/// batch, and re-sends about 3 % of batches later as exact retries. Keys name the campaign: an idempotency key
/// is the tenant's, so two generated campaigns of one tenant must not share one.
/// </summary>
internal static class BatchPlanner
{
    public const int MaxBatchSize = 2000;
    private const int MaxFreshSize = 1950;
    private const double DuplicateShare = 0.02;
    private const double RetryShare = 0.03;

    public static List<EventBatch> Cut(Random random, string tenantId, string campaignId, IReadOnlyList<DeliveryEvent> events)
    {
        var fresh = new List<EventBatch>();
        var anyDuplicate = false;
        for (var position = 0; position < events.Count;)
        {
            var size = Math.Min(NextSize(random), events.Count - position);
            var slice = events.Skip(position).Take(size).ToList();
            position += size;
            if (random.NextDouble() < 0.3) random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(slice));
            // Every run gets at least one repeated event id, so the rule is always exercised.
            var forceDuplicate = !anyDuplicate && position == events.Count;
            anyDuplicate |= AddDuplicates(random, slice, forceDuplicate);
            fresh.Add(new EventBatch(tenantId, $"{campaignId}/b{fresh.Count}", slice.ToArray()));
        }
        return WithRetries(random, fresh);
    }

    private static int NextSize(Random random)
    {
        var roll = random.NextDouble();
        return roll < 0.1 ? random.Next(1, 11)
            : roll < 0.4 ? random.Next(11, 201)
            : roll < 0.8 ? random.Next(201, 801)
            : random.Next(801, MaxFreshSize + 1);
    }

    private static bool AddDuplicates(Random random, List<DeliveryEvent> slice, bool force)
    {
        var copies = slice.Where(_ => random.NextDouble() < DuplicateShare).Take(MaxBatchSize - slice.Count).ToList();
        if (copies.Count == 0 && force) copies.Add(slice[random.Next(slice.Count)]);
        foreach (var copy in copies)
        {
            // Same record: the copy is identical to the original in every field.
            slice.Insert(random.Next(slice.Count + 1), copy);
        }
        return copies.Count > 0;
    }

    private static List<EventBatch> WithRetries(Random random, List<EventBatch> fresh)
    {
        var placed = fresh.Select((batch, i) => (Position: (double)i, Batch: batch)).ToList();
        var retried = Enumerable.Range(0, fresh.Count).Where(_ => random.NextDouble() < RetryShare).ToList();
        if (retried.Count == 0 && fresh.Count > 0) retried.Add(random.Next(fresh.Count));
        foreach (var i in retried)
        {
            var later = i + random.Next(1, Math.Max(2, Math.Min(30, fresh.Count - i))) - 0.5;
            var original = fresh[i];
            placed.Add((later, original with { Events = (DeliveryEvent[])original.Events.Clone() }));
        }
        return placed.OrderBy(p => p.Position).Select(p => p.Batch).ToList();
    }
}
