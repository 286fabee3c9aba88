using Domain = CampaignGrains.Abstractions;

namespace CampaignGrains.Faults.Tests.Harness;

/// <summary>The harness's traffic: generated campaigns cut into small batches and interleaved as several producers' would arrive.</summary>
internal static class HarnessBatches
{
    /// <summary>
    /// <paramref name="count"/> generated campaigns, ids <paramref name="idPrefix"/>00 on, seeds from <paramref name="firstSeed"/>,
    /// each cut into batches of at most <paramref name="maxEvents"/>.
    /// </summary>
    public static List<(string Id, List<Domain.EventBatch> Batches)> Campaigns(
        string tenant, string idPrefix, int count, int firstSeed, int eventsPerCampaign, DateTimeOffset now, int maxEvents) =>
    [
        .. Enumerable.Range(0, count).Select(i => $"{idPrefix}{i:D2}").Select((id, i) =>
            (id, Split(CampaignGenerator.Generate(firstSeed + i, tenant, id, now, eventsPerCampaign).Batches, maxEvents))),
    ];

    /// <summary>Batches of at most <paramref name="maxEvents"/>, so the stream of requests spans every fault; each keeps a key of its own.</summary>
    private static List<Domain.EventBatch> Split(IReadOnlyList<Domain.EventBatch> batches, int maxEvents) =>
    [
        .. batches.SelectMany(batch => batch.Events.Chunk(maxEvents)
            .Select((events, part) => batch with { IdempotencyKey = $"{batch.Events[0].CampaignId}/{batch.IdempotencyKey}/{part}", Events = events })),
    ];

    /// <summary>The campaigns' batches taken in turn.</summary>
    public static List<Domain.EventBatch> Interleave(IReadOnlyList<List<Domain.EventBatch>> perCampaign)
    {
        var all = new List<Domain.EventBatch>();
        for (var i = 0; perCampaign.Any(batches => i < batches.Count); i++)
            all.AddRange(perCampaign.Where(batches => i < batches.Count).Select(batches => batches[i]));
        return all;
    }
}
