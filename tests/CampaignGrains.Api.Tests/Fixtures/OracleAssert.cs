using CampaignGrains.Api.Mapping;
using CampaignGrains.Api.V1;
using CampaignGrains.Statistics;
using Domain = CampaignGrains.Abstractions;

namespace CampaignGrains.Api.Tests.Fixtures;

/// <summary>
/// A campaign's three tabs, read over gRPC for both windows, against the LINQ oracle: every count exactly,
/// unique counts and the rates built on them within three standard errors of their sketch.
/// </summary>
internal static class OracleAssert
{
    public static async Task TabsEqualAsync(ReportService.ReportServiceClient reports, CallOptions caller, ReportOracle oracle, string campaignId, DateTimeOffset now)
    {
        foreach (var (window, domainWindow, precision) in new[]
        {
            (Window.Last24H, Domain.ReportWindow.Last24Hours, StatisticsShape.HourlyUniquePrecision),
            (Window.AllTime, Domain.ReportWindow.AllTime, StatisticsShape.AllTimeUniquePrecision),
        })
        {
            var request = new TabRequest { CampaignId = campaignId, Window = window };
            Assert.Equal(ReportMapper.ToMessage(oracle.Campaign(domainWindow, now)), await reports.GetCampaignTabAsync(request, caller));

            var email = await reports.GetEmailTabAsync(request, caller);
            var expectedEmail = ReportMapper.ToMessage(oracle.Email(domainWindow, now));
            Estimates.AssertWithin(expectedEmail.UniqueOpens, email.UniqueOpens, precision, 1);
            Estimates.AssertWithin(expectedEmail.UniqueClicks, email.UniqueClicks, precision, 1);
            Estimates.AssertWithin(expectedEmail.Rates.Open, email.Rates.Open, precision, 1);
            Estimates.AssertWithin(expectedEmail.Rates.ClickThrough, email.Rates.ClickThrough, precision, 1);
            Estimates.AssertWithin(expectedEmail.Rates.ClickToOpen, email.Rates.ClickToOpen, precision, 2);
            (email.UniqueOpens, email.UniqueClicks) = (expectedEmail.UniqueOpens, expectedEmail.UniqueClicks);
            (email.Rates.Open, email.Rates.ClickThrough, email.Rates.ClickToOpen) = (expectedEmail.Rates.Open, expectedEmail.Rates.ClickThrough, expectedEmail.Rates.ClickToOpen);
            Assert.Equal(expectedEmail, email);

            var push = await reports.GetPushTabAsync(request, caller);
            var expectedPush = ReportMapper.ToMessage(oracle.Push(domainWindow, now));
            Estimates.AssertWithin(expectedPush.UniqueOpens, push.UniqueOpens, precision, 1);
            Estimates.AssertWithin(expectedPush.Rates.Open, push.Rates.Open, precision, 1);
            (push.UniqueOpens, push.Rates.Open) = (expectedPush.UniqueOpens, expectedPush.Rates.Open);
            Assert.Equal(expectedPush, push);
        }
    }
}
