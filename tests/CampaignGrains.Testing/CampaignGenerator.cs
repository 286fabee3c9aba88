namespace CampaignGrains.Testing;

/// <summary>A realistic, deterministic campaign of delivery events, as batches in send order.</summary>
public static class CampaignGenerator
{
    public static GeneratedCampaign Generate(int seed, string tenantId, string campaignId, DateTimeOffset now, int eventCount = 100_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(eventCount);
        var random = new Random(seed);
        var events = new JourneyWriter(random, campaignId, now, eventCount).Write();
        var ordered = SendOrder.Arrange(random, events);
        var batches = BatchPlanner.Cut(random, tenantId, campaignId, ordered);
        return new GeneratedCampaign(tenantId, campaignId, now, batches);
    }
}
