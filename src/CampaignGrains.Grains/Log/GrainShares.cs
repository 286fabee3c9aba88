using CampaignGrains.Grains.Ingest;

namespace CampaignGrains.Grains.Log;

/// <summary>
/// Which statistics grains a campaign's events concern, and each one's share: the email and push grains when the
/// batch has events of theirs, and the campaign grain (it keeps the Campaign tab's counts, the campaign's channels
/// and its existence) unless the share has none of its counts and the shard already saw it apply these channels.
/// </summary>
internal static class GrainShares
{
    /// <summary>Per kind, resolved on first use; a class, so threads racing to fill it never see half of one.</summary>
    private static readonly ReferenceType?[] References = new ReferenceType?[3];

    public static IEnumerable<(GrainTarget Target, BatchShare Share)> Of(CampaignEvents campaign, DeliveredChannels delivered)
    {
        var channels = campaign.Events.Select(e => e.Channel).Where(channel => channel != Channel.None).Distinct().Order().ToArray();
        TalliedEvent[] counted = [.. campaign.Events.Where(e => EventMetrics.CountsForCampaign(e.Kind)).Select(e => e with { Domain = null, Platform = null, Reason = null })];
        if (counted.Length > 0 || !delivered.Covers(campaign.Key, channels))
            yield return (new GrainTarget(StatisticsGrainKind.Campaign, campaign.Key), new BatchShare(counted, channels));
        if (channels.Contains(Channel.Email))
            yield return (new GrainTarget(StatisticsGrainKind.Email, campaign.Key), new BatchShare([.. campaign.Events.Where(e => e.Channel == Channel.Email)], channels));
        if (channels.Contains(Channel.Push))
            yield return (new GrainTarget(StatisticsGrainKind.Push, campaign.Key), new BatchShare([.. campaign.Events.Where(e => e.Channel == Channel.Push)], channels));
    }

    /// <summary>
    /// The grain a target names. Built from its grain id rather than <c>GetGrain&lt;T&gt;(key)</c>, which resolves the
    /// interface's type name on every call: a fan-out delivers thousands of shares a second.
    /// </summary>
    public static IStatisticsGrain Grain(this IGrainFactory grains, GrainTarget target)
    {
        var reference = References[(int)target.Kind] ??= ReferenceOf(grains, target.Kind);
        return (IStatisticsGrain)grains.GetGrain(GrainId.Create(reference.GrainType, target.Key), reference.InterfaceType);
    }

    private static ReferenceType ReferenceOf(IGrainFactory grains, StatisticsGrainKind kind)
    {
        IStatisticsGrain grain = kind switch
        {
            StatisticsGrainKind.Campaign => grains.GetGrain<ICampaignGrain>(nameof(ReferenceOf)),
            StatisticsGrainKind.Email => grains.GetGrain<IEmailGrain>(nameof(ReferenceOf)),
            StatisticsGrainKind.Push => grains.GetGrain<IPushGrain>(nameof(ReferenceOf)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a statistics grain."),
        };
        var reference = (GrainReference)grain;
        return new ReferenceType(reference.GrainId.Type, reference.InterfaceType);
    }

    private sealed record ReferenceType(GrainType GrainType, GrainInterfaceType InterfaceType);
}
