using System.Diagnostics;
using CampaignGrains.Api.Errors;
using CampaignGrains.Api.Observability;
using CampaignGrains.Api.Mapping;
using V1 = CampaignGrains.Api.V1;

namespace CampaignGrains.Api.Services;

/// <summary>Reads a campaign's tabs from its grains, after checking the request and that the campaign exists.</summary>
internal sealed class ReportReader(IGrainFactory grains)
{
    public static readonly V1.Tab[] AllTabs = [V1.Tab.Campaign, V1.Tab.Email, V1.Tab.Push];

    public record struct Target(string Key, string CampaignId, ReportWindow Window);

    public static Target Resolve(string tenant, string campaignId, V1.Window window)
    {
        if (!CampaignKey.IsValidId(campaignId))
            GrpcErrors.ThrowInvalidArgument("campaign_id", $"must be 1 to {CampaignKey.MaxIdLength} letters, digits or - _ . :");
        var reportWindow = ReportMapper.ToWindow(window);
        if (reportWindow == ReportWindow.Unspecified)
            GrpcErrors.ThrowInvalidArgument("window", "must be WINDOW_LAST_24H or WINDOW_ALL_TIME");
        return new Target(CampaignKey.Of(tenant, campaignId), campaignId, reportWindow);
    }

    public static V1.Tab[] TabsOf(IReadOnlyCollection<V1.Tab> requested)
    {
        if (requested.Count == 0) return AllTabs;
        foreach (var tab in requested)
        {
            if (!AllTabs.Contains(tab)) GrpcErrors.ThrowInvalidArgument("tabs", $"contains unknown tab {(int)tab}");
        }
        return [.. requested.Distinct()];
    }

    public async Task EnsureExistsAsync(Target target, CancellationToken cancellationToken)
    {
        if (!await grains.GetGrain<ICampaignGrain>(target.Key).ExistsAsync(cancellationToken))
            GrpcErrors.ThrowCampaignNotFound(target.CampaignId);
    }

    public async Task<V1.CampaignTab> CampaignAsync(Target target, CancellationToken cancellationToken)
    {
        var tab = await grains.GetGrain<ICampaignGrain>(target.Key).GetCampaignTabAsync(target.Window, cancellationToken);
        if (tab is null) GrpcErrors.ThrowCampaignNotFound(target.CampaignId);
        return MappedTabs.Of(tab);
    }

    public async Task<V1.EmailTab> EmailAsync(Target target, CancellationToken cancellationToken) =>
        MappedTabs.Of(await grains.GetGrain<IEmailGrain>(target.Key).GetEmailTabAsync(target.Window, cancellationToken));

    public async Task<V1.PushTab> PushAsync(Target target, CancellationToken cancellationToken) =>
        MappedTabs.Of(await grains.GetGrain<IPushGrain>(target.Key).GetPushTabAsync(target.Window, cancellationToken));

    /// <summary>
    /// NOT_FOUND if the campaign has no events, else the requested tabs, read in parallel. Existence is
    /// checked first so a probe for a campaign that does not exist activates no channel grain.
    /// </summary>
    public async Task<V1.Report> ReportAsync(Target target, IReadOnlyCollection<V1.Tab> tabs, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await EnsureExistsAsync(target, cancellationToken);
        var campaign = tabs.Contains(V1.Tab.Campaign) ? CampaignAsync(target, cancellationToken) : null;
        var email = tabs.Contains(V1.Tab.Email) ? EmailAsync(target, cancellationToken) : null;
        var push = tabs.Contains(V1.Tab.Push) ? PushAsync(target, cancellationToken) : null;

        var report = new V1.Report();
        if (campaign is not null) report.Campaign = await campaign;
        if (email is not null) report.Email = await email;
        if (push is not null) report.Push = await push;
        GatewayMetrics.ReportDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        return report;
    }

    /// <summary>The grains whose changes alter the requested tabs.</summary>
    public IStatisticsGrain[] GrainsOf(Target target, IReadOnlyCollection<V1.Tab> tabs) =>
    [
        .. tabs.Contains(V1.Tab.Campaign) ? [grains.GetGrain<ICampaignGrain>(target.Key)] : Array.Empty<IStatisticsGrain>(),
        .. tabs.Contains(V1.Tab.Email) ? [grains.GetGrain<IEmailGrain>(target.Key)] : Array.Empty<IStatisticsGrain>(),
        .. tabs.Contains(V1.Tab.Push) ? [grains.GetGrain<IPushGrain>(target.Key)] : Array.Empty<IStatisticsGrain>(),
    ];
}
