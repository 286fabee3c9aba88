using CampaignGrains.Abstractions;
using V1 = CampaignGrains.Api.V1;

namespace CampaignGrains.Testing;

/// <summary>
/// Every count of a campaign's three all-time tabs, in one order under one name each: as the oracle expects them
/// and as a silo serves them, so the fault harness and the benchmark compare them field by field.
/// </summary>
public static class TabCounts
{
    public static readonly string[] Names =
    [
        "campaign entered", "campaign excluded", "campaign delivered", "campaign errors",
        "email sent", "email delivered", "email hard bounces", "email soft bounces", "email ignored bounces", "email errors",
        "email excluded", "email opens", "email clicks", "email unsubscribes", "email spam complaints",
        "push sent", "push delivered", "push bounces", "push errors", "push excluded", "push opens", "push actions",
    ];

    public static long[] Expected(ReportOracle oracle, DateTimeOffset now)
    {
        var c = oracle.Campaign(ReportWindow.AllTime, now);
        var e = oracle.Email(ReportWindow.AllTime, now).Totals;
        var p = oracle.Push(ReportWindow.AllTime, now).Totals;
        return
        [
            c.Entered, c.Excluded, c.Delivered, c.Errors,
            e.Sent, e.Delivered, e.HardBounces, e.SoftBounces, e.IgnoredBounces, e.Errors, e.Excluded, e.Opens, e.Clicks, e.Unsubscribes, e.SpamComplaints,
            p.Sent, p.Delivered, p.Bounces, p.Errors, p.Excluded, p.Opens, p.Actions,
        ];
    }

    /// <summary>From a report of all three tabs (<c>GetReport</c> with no tabs named).</summary>
    public static long[] Served(V1.Report report)
    {
        var c = report.Campaign;
        var e = report.Email.Totals;
        var p = report.Push.Totals;
        return
        [
            c.Entered, c.Excluded, c.Delivered, c.Errors,
            e.Sent, e.Delivered, e.HardBounces, e.SoftBounces, e.IgnoredBounces, e.Errors, e.Excluded, e.Opens, e.Clicks, e.Unsubscribes, e.SpamComplaints,
            p.Sent, p.Delivered, p.Bounces, p.Errors, p.Excluded, p.Opens, p.Actions,
        ];
    }
}
