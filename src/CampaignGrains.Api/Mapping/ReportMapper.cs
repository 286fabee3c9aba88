using Google.Protobuf.WellKnownTypes;
using V1 = CampaignGrains.Api.V1;

namespace CampaignGrains.Api.Mapping;

/// <summary>From the grains' report types to the published messages.</summary>
internal static class ReportMapper
{
    public static ReportWindow ToWindow(V1.Window window) => window switch
    {
        V1.Window.Last24H => ReportWindow.Last24Hours,
        V1.Window.AllTime => ReportWindow.AllTime,
        _ => ReportWindow.Unspecified,
    };

    public static V1.CampaignTab ToMessage(CampaignTab tab)
    {
        var message = new V1.CampaignTab
        {
            Span = Span(tab.Span),
            Entered = tab.Entered,
            Excluded = tab.Excluded,
            Delivered = tab.Delivered,
            Errors = tab.Errors,
        };
        message.Channels.AddRange(tab.Channels.Select(channel => (V1.Channel)(int)channel));
        return message;
    }

    public static V1.EmailTab ToMessage(EmailTab tab)
    {
        var message = new V1.EmailTab
        {
            Span = Span(tab.Span),
            Totals = Counts(tab.Totals),
            UniqueOpens = tab.UniqueOpens,
            UniqueClicks = tab.UniqueClicks,
            Rates = new V1.EmailRates(),
            BounceReasons = Reasons(tab.BounceReasons),
            ErrorReasons = Reasons(tab.ErrorReasons),
            ExcludeReasons = Reasons(tab.ExcludeReasons),
            Domains = new V1.DomainBreakdown { Other = Domain(tab.Domains.Other), Exact = tab.Domains.IsExact },
        };
        var rates = message.Rates;
        if (tab.Rates.Delivery is { } delivery) rates.Delivery = delivery;
        if (tab.Rates.Bounce is { } bounce) rates.Bounce = bounce;
        if (tab.Rates.Error is { } error) rates.Error = error;
        if (tab.Rates.Open is { } open) rates.Open = open;
        if (tab.Rates.ClickThrough is { } clickThrough) rates.ClickThrough = clickThrough;
        if (tab.Rates.ClickToOpen is { } clickToOpen) rates.ClickToOpen = clickToOpen;
        if (tab.Rates.Unsubscribe is { } unsubscribe) rates.Unsubscribe = unsubscribe;
        if (tab.Rates.SpamComplaint is { } spam) rates.SpamComplaint = spam;
        message.Series.AddRange(tab.Series.Select(point => new V1.EmailPoint { Start = Timestamp.FromDateTimeOffset(point.Start), Counts = Counts(point.Counts) }));
        message.Domains.Domains.AddRange(tab.Domains.Domains.Select(Domain));
        return message;
    }

    public static V1.PushTab ToMessage(PushTab tab)
    {
        var message = new V1.PushTab
        {
            Span = Span(tab.Span),
            Totals = Counts(tab.Totals),
            UniqueOpens = tab.UniqueOpens,
            Rates = new V1.PushRates(),
            ErrorReasons = Reasons(tab.ErrorReasons),
            ExcludeReasons = Reasons(tab.ExcludeReasons),
            BounceReasons = Reasons(tab.BounceReasons),
            Platforms = new V1.PlatformBreakdown { Other = Counts(tab.Platforms.Other), Exact = tab.Platforms.IsExact },
        };
        var rates = message.Rates;
        if (tab.Rates.Delivery is { } delivery) rates.Delivery = delivery;
        if (tab.Rates.Bounce is { } bounce) rates.Bounce = bounce;
        if (tab.Rates.Error is { } error) rates.Error = error;
        if (tab.Rates.Open is { } open) rates.Open = open;
        message.Series.AddRange(tab.Series.Select(point => new V1.PushPoint { Start = Timestamp.FromDateTimeOffset(point.Start), Counts = Counts(point.Counts) }));
        message.Platforms.Platforms.AddRange(tab.Platforms.Platforms.Select(platform => new V1.PlatformStats
        {
            Platform = platform.Platform,
            Counts = Counts(platform.Counts),
            MaxUndercount = platform.MaxUndercount,
        }));
        return message;
    }

    private static V1.ReportSpan Span(ReportSpan span) => new()
    {
        Window = span.Window == ReportWindow.Last24Hours ? V1.Window.Last24H : V1.Window.AllTime,
        From = Timestamp.FromDateTimeOffset(span.From),
        To = Timestamp.FromDateTimeOffset(span.To),
        BucketWidth = Duration.FromTimeSpan(span.BucketWidth),
        BreakdownFrom = Timestamp.FromDateTimeOffset(span.BreakdownFrom),
        BreakdownTo = Timestamp.FromDateTimeOffset(span.BreakdownTo),
    };

    private static V1.EmailCounts Counts(EmailCounts c) => new()
    {
        Sent = c.Sent,
        Delivered = c.Delivered,
        Bounces = c.Bounces,
        HardBounces = c.HardBounces,
        SoftBounces = c.SoftBounces,
        IgnoredBounces = c.IgnoredBounces,
        Errors = c.Errors,
        Excluded = c.Excluded,
        Opens = c.Opens,
        Clicks = c.Clicks,
        Unsubscribes = c.Unsubscribes,
        SpamComplaints = c.SpamComplaints,
    };

    private static V1.PushCounts Counts(PushCounts c) => new()
    {
        Sent = c.Sent,
        Delivered = c.Delivered,
        Bounces = c.Bounces,
        Errors = c.Errors,
        Excluded = c.Excluded,
        Opens = c.Opens,
        Actions = c.Actions,
        Engagements = c.Engagements,
    };

    private static V1.ReasonBreakdown Reasons(ReasonBreakdown breakdown)
    {
        var message = new V1.ReasonBreakdown { Other = breakdown.Other, Exact = breakdown.IsExact };
        message.Reasons.AddRange(breakdown.Reasons.Select(reason => new V1.ReasonCount { Reason = reason.Reason, Count = reason.Count, MaxUndercount = reason.MaxUndercount }));
        return message;
    }

    private static V1.DomainStats Domain(DomainStats d) => new()
    {
        Domain = d.Domain,
        Sent = d.Sent,
        Delivered = d.Delivered,
        Bounces = d.Bounces,
        Opens = d.Opens,
        Clicks = d.Clicks,
        MaxUndercount = d.MaxUndercount,
    };
}
