using CampaignGrains.Grains.Ingest;

namespace CampaignGrains.Grains.Log;

/// <summary>
/// Which statistics grains a campaign's events concern, and each one's share: the campaign grain always (it keeps
/// the campaign's channels and existence), the email and push grains only when the batch has events of theirs.
/// </summary>
public static class GrainShares
{
    public static IEnumerable<(GrainTarget Target, BatchShare Share)> Of(CampaignEvents campaign)
    {
        var channels = campaign.Events.Select(e => e.Channel).Where(channel => channel != Channel.None).Distinct().Order().ToArray();
        yield return (new GrainTarget(StatisticsGrainKind.Campaign, campaign.Key), new BatchShare(
            [.. campaign.Events.Where(e => EventMetrics.CountsForCampaign(e.Kind)).Select(e => e with { Domain = null, Platform = null, Reason = null })],
            channels));
        if (channels.Contains(Channel.Email))
            yield return (new GrainTarget(StatisticsGrainKind.Email, campaign.Key), new BatchShare([.. campaign.Events.Where(e => e.Channel == Channel.Email)], channels));
        if (channels.Contains(Channel.Push))
            yield return (new GrainTarget(StatisticsGrainKind.Push, campaign.Key), new BatchShare([.. campaign.Events.Where(e => e.Channel == Channel.Push)], channels));
    }

    public static IStatisticsGrain Grain(this IGrainFactory grains, GrainTarget target) => target.Kind switch
    {
        StatisticsGrainKind.Campaign => grains.GetGrain<ICampaignGrain>(target.Key),
        StatisticsGrainKind.Email => grains.GetGrain<IEmailGrain>(target.Key),
        StatisticsGrainKind.Push => grains.GetGrain<IPushGrain>(target.Key),
        _ => throw new ArgumentOutOfRangeException(nameof(target), target.Kind, "Not a statistics grain."),
    };
}
