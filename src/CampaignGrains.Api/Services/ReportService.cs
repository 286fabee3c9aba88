using CampaignGrains.Api.Errors;
using CampaignGrains.Api.Watching;
using Google.Protobuf.WellKnownTypes;
using V1 = CampaignGrains.Api.V1;

namespace CampaignGrains.Api.Services;

/// <summary>Report tabs over gRPC, read straight from the campaign's grains.</summary>
internal sealed class ReportService(ReportReader reader, ReportWatcher watcher, IGrainFactory grains) : V1.ReportService.ReportServiceBase
{
    public override Task<V1.CampaignTab> GetCampaignTab(V1.TabRequest request, ServerCallContext context) =>
        reader.CampaignAsync(Target(request.CampaignId, request.Window, context), context.CancellationToken);

    public override async Task<V1.EmailTab> GetEmailTab(V1.TabRequest request, ServerCallContext context)
    {
        var target = Target(request.CampaignId, request.Window, context);
        return (await reader.ReportAsync(target, [V1.Tab.Email], context.CancellationToken)).Email;
    }

    public override async Task<V1.PushTab> GetPushTab(V1.TabRequest request, ServerCallContext context)
    {
        var target = Target(request.CampaignId, request.Window, context);
        return (await reader.ReportAsync(target, [V1.Tab.Push], context.CancellationToken)).Push;
    }

    public override Task<V1.Report> GetReport(V1.ReportRequest request, ServerCallContext context) =>
        reader.ReportAsync(Target(request.CampaignId, request.Window, context), ReportReader.TabsOf(request.Tabs), context.CancellationToken);

    public override Task WatchReport(V1.ReportRequest request, IServerStreamWriter<V1.Report> responseStream, ServerCallContext context) =>
        watcher.WatchAsync(Target(request.CampaignId, request.Window, context), ReportReader.TabsOf(request.Tabs), responseStream, context.CancellationToken);

    public override async Task<V1.ListCampaignsResponse> ListCampaigns(V1.ListCampaignsRequest request, ServerCallContext context)
    {
        if (request.PageSize is < 0 or > CampaignPage.MaxPageSize)
            GrpcErrors.ThrowInvalidArgument("page_size", $"must be 0 (for {CampaignPage.DefaultPageSize}) to {CampaignPage.MaxPageSize}");
        var pageSize = request.PageSize == 0 ? CampaignPage.DefaultPageSize : request.PageSize;
        var page = await grains.GetGrain<ICampaignDirectoryGrain>(Tenancy.Of(context))
            .ListAsync(pageSize, request.PageToken.Length == 0 ? null : request.PageToken, context.CancellationToken);
        var response = new V1.ListCampaignsResponse { NextPageToken = page.NextPageToken ?? "" };
        response.Campaigns.AddRange(page.Campaigns.Select(campaign => new V1.CampaignSummary
        {
            CampaignId = campaign.CampaignId,
            FirstSeen = Timestamp.FromDateTimeOffset(campaign.FirstSeen),
        }));
        return response;
    }

    private static ReportReader.Target Target(string campaignId, V1.Window window, ServerCallContext context) =>
        ReportReader.Resolve(Tenancy.Of(context), campaignId, window);
}
