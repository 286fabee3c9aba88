using CampaignGrains.Api.Errors;
using CampaignGrains.Api.Watching;
using Google.Protobuf.WellKnownTypes;
using V1 = CampaignGrains.Api.V1;

namespace CampaignGrains.Api.Services;

/// <summary>Report tabs over gRPC, read straight from the campaign's grains.</summary>
/// <remarks>Bound by hand for <see cref="StrictMessages"/> parsers, like <see cref="IngestService"/>.</remarks>
[BindServiceMethod(typeof(ReportService), nameof(BindService))]
internal class ReportService(ReportReader reader, ReportWatcher watcher, IGrainFactory grains)
{
    public static void BindService(ServiceBinderBase binder, ReportService? service)
    {
        var descriptor = V1.ReportService.Descriptor;
        binder.AddMethod(StrictMessages.Method(MethodType.Unary, descriptor, nameof(GetCampaignTab), V1.TabRequest.Parser, V1.CampaignTab.Parser),
            (UnaryServerMethod<V1.TabRequest, V1.CampaignTab>?)(service is null ? null : service.GetCampaignTab));
        binder.AddMethod(StrictMessages.Method(MethodType.Unary, descriptor, nameof(GetEmailTab), V1.TabRequest.Parser, V1.EmailTab.Parser),
            (UnaryServerMethod<V1.TabRequest, V1.EmailTab>?)(service is null ? null : service.GetEmailTab));
        binder.AddMethod(StrictMessages.Method(MethodType.Unary, descriptor, nameof(GetPushTab), V1.TabRequest.Parser, V1.PushTab.Parser),
            (UnaryServerMethod<V1.TabRequest, V1.PushTab>?)(service is null ? null : service.GetPushTab));
        binder.AddMethod(StrictMessages.Method(MethodType.Unary, descriptor, nameof(GetReport), V1.ReportRequest.Parser, V1.Report.Parser),
            (UnaryServerMethod<V1.ReportRequest, V1.Report>?)(service is null ? null : service.GetReport));
        binder.AddMethod(StrictMessages.Method(MethodType.ServerStreaming, descriptor, nameof(WatchReport), V1.ReportRequest.Parser, V1.Report.Parser),
            (ServerStreamingServerMethod<V1.ReportRequest, V1.Report>?)(service is null ? null : service.WatchReport));
        binder.AddMethod(StrictMessages.Method(MethodType.Unary, descriptor, nameof(ListCampaigns), V1.ListCampaignsRequest.Parser, V1.ListCampaignsResponse.Parser),
            (UnaryServerMethod<V1.ListCampaignsRequest, V1.ListCampaignsResponse>?)(service is null ? null : service.ListCampaigns));
    }

    public virtual Task<V1.CampaignTab> GetCampaignTab(V1.TabRequest request, ServerCallContext context) =>
        reader.CampaignAsync(Target(request.CampaignId, request.Window, context), context.CancellationToken);

    public virtual async Task<V1.EmailTab> GetEmailTab(V1.TabRequest request, ServerCallContext context)
    {
        var target = Target(request.CampaignId, request.Window, context);
        return (await reader.ReportAsync(target, [V1.Tab.Email], context.CancellationToken)).Email;
    }

    public virtual async Task<V1.PushTab> GetPushTab(V1.TabRequest request, ServerCallContext context)
    {
        var target = Target(request.CampaignId, request.Window, context);
        return (await reader.ReportAsync(target, [V1.Tab.Push], context.CancellationToken)).Push;
    }

    public virtual Task<V1.Report> GetReport(V1.ReportRequest request, ServerCallContext context) =>
        reader.ReportAsync(Target(request.CampaignId, request.Window, context), ReportReader.TabsOf(request.Tabs), context.CancellationToken);

    public virtual Task WatchReport(V1.ReportRequest request, IServerStreamWriter<V1.Report> responseStream, ServerCallContext context) =>
        watcher.WatchAsync(Target(request.CampaignId, request.Window, context), ReportReader.TabsOf(request.Tabs), responseStream, context.CancellationToken);

    public virtual async Task<V1.ListCampaignsResponse> ListCampaigns(V1.ListCampaignsRequest request, ServerCallContext context)
    {
        if (request.PageSize is < 0 or > CampaignPage.MaxPageSize)
            GrpcErrors.ThrowInvalidArgument("page_size", $"must be 0 (for {CampaignPage.DefaultPageSize}) to {CampaignPage.MaxPageSize}");
        var pageSize = request.PageSize == 0 ? CampaignPage.DefaultPageSize : request.PageSize;
        var page = await grains.GetGrain<ICampaignDirectoryGrain>(Tenancy.Of(context))
            .ListAsync(pageSize, PageTokens.Read(request.PageToken), context.CancellationToken);
        var response = new V1.ListCampaignsResponse { NextPageToken = page.HasMore ? PageTokens.After(page.Campaigns[^1].CampaignId) : "" };
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
