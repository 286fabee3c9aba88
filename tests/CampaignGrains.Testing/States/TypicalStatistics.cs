using CampaignGrains.Abstractions;
using CampaignGrains.Grains.Ingest;
using CampaignGrains.Statistics;
using Microsoft.Extensions.Options;

namespace CampaignGrains.Testing;

/// <summary>
/// The three grains' statistics after a generated campaign, applied in-process the way the ingest grain
/// splits and applies them, without a silo: for micro benchmarks and size figures.
/// </summary>
public static class TypicalStatistics
{
    public static (DeliveryStatistics Campaign, DeliveryStatistics Email, DeliveryStatistics Push) Apply(GeneratedCampaign campaign)
    {
        var (all, email, push) = (new DeliveryStatistics(StatisticsShape.Campaign), new DeliveryStatistics(StatisticsShape.Email), new DeliveryStatistics(StatisticsShape.Push));
        foreach (var (channel, kind, e) in Events(campaign))
        {
            if (EventMetrics.CountsForCampaign(kind)) all.Record(e with { Domain = null, Platform = null, Reason = null }, campaign.Now);
            if (channel == Channel.Email) email.Record(e, campaign.Now);
            if (channel == Channel.Push) push.Record(e, campaign.Now);
        }
        return (all, email, push);
    }

    /// <summary>The campaign's distinct events as the statistics model receives them, with their channel and kind.</summary>
    public static IEnumerable<(Channel Channel, EventKind Kind, StatisticsEvent Event)> Events(GeneratedCampaign campaign)
    {
        using var hasher = new ProfileHasher(Options.Create(new IngestOptions { ProfileHashKey = Convert.ToBase64String("campaigngrains-typical-state-key"u8) }));
        foreach (var batch in campaign.Batches.DistinctBy(b => b.IdempotencyKey, StringComparer.Ordinal))
        {
            foreach (var e in batch.Events.DistinctBy(e => e.EventId, StringComparer.Ordinal))
            {
                var tallied = new TalliedEvent(e.Kind, e.Channel, e.Time, hasher.Hash(e.ProfileId.Trim()), Key(e.Domain), Key(e.Platform), e.BounceType, Key(e.Reason));
                yield return (e.Channel, e.Kind, EventMetrics.ToStatisticsEvent(tallied));
            }
        }
    }

    private static string? Key(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
