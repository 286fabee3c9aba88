using CampaignGrains.Api.Mapping;
using CampaignGrains.Api.Tests.Fixtures;
using CampaignGrains.Api.V1;
using CampaignGrains.Statistics;
using Domain = CampaignGrains.Abstractions;

namespace CampaignGrains.Api.Tests.Services;

/// <summary>A generated campaign ingested over gRPC reads back, over gRPC, exactly as the LINQ oracle computes it.</summary>
[Collection(GatewayCollection.Name)]
public sealed class RoundTripTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Ingested_campaign_reads_back_equal_to_the_oracle_for_both_windows()
    {
        var now = fixture.StatisticsTime.GetUtcNow();
        var generated = CampaignGenerator.Generate(seed: 7, Calls.Tenant, Calls.NewCampaignId(), now, eventCount: 30_000);
        var sent = new HashSet<string>();
        foreach (var batch in generated.Batches)
        {
            var response = await fixture.Silo.Ingest.IngestAsync(WireEvents.ToRequest(batch), Calls.As());
            var expected = sent.Add(batch.IdempotencyKey) ? BatchOutcome.Applied : BatchOutcome.AlreadyApplied;
            Assert.Equal(expected, response.Outcome);
            Assert.Equal(batch.Events.Length, response.Results.Count);
        }

        var oracle = ReportOracle.From(generated.Batches);
        foreach (var (window, domainWindow, precision) in new[]
        {
            (Window.Last24H, Domain.ReportWindow.Last24Hours, StatisticsShape.HourlyUniquePrecision),
            (Window.AllTime, Domain.ReportWindow.AllTime, StatisticsShape.AllTimeUniquePrecision),
        })
        {
            var request = new TabRequest { CampaignId = generated.CampaignId, Window = window };
            Assert.Equal(ReportMapper.ToMessage(oracle.Campaign(domainWindow, now)), await fixture.Silo.Reports.GetCampaignTabAsync(request, Calls.As()));

            var email = await fixture.Silo.Reports.GetEmailTabAsync(request, Calls.As());
            var expectedEmail = ReportMapper.ToMessage(oracle.Email(domainWindow, now));
            Estimates.AssertWithin(expectedEmail.UniqueOpens, email.UniqueOpens, precision, 1);
            Estimates.AssertWithin(expectedEmail.UniqueClicks, email.UniqueClicks, precision, 1);
            Estimates.AssertWithin(expectedEmail.Rates.Open, email.Rates.Open, precision, 1);
            Estimates.AssertWithin(expectedEmail.Rates.ClickThrough, email.Rates.ClickThrough, precision, 1);
            Estimates.AssertWithin(expectedEmail.Rates.ClickToOpen, email.Rates.ClickToOpen, precision, 2);
            (email.UniqueOpens, email.UniqueClicks) = (expectedEmail.UniqueOpens, expectedEmail.UniqueClicks);
            (email.Rates.Open, email.Rates.ClickThrough, email.Rates.ClickToOpen) = (expectedEmail.Rates.Open, expectedEmail.Rates.ClickThrough, expectedEmail.Rates.ClickToOpen);
            Assert.Equal(expectedEmail, email);

            var push = await fixture.Silo.Reports.GetPushTabAsync(request, Calls.As());
            var expectedPush = ReportMapper.ToMessage(oracle.Push(domainWindow, now));
            Estimates.AssertWithin(expectedPush.UniqueOpens, push.UniqueOpens, precision, 1);
            Estimates.AssertWithin(expectedPush.Rates.Open, push.Rates.Open, precision, 1);
            (push.UniqueOpens, push.Rates.Open) = (expectedPush.UniqueOpens, expectedPush.Rates.Open);
            Assert.Equal(expectedPush, push);

            var report = await fixture.Silo.Reports.GetReportAsync(new ReportRequest { CampaignId = generated.CampaignId, Window = window }, Calls.As());
            Assert.Equal((report.Email.Totals, report.Push.Totals), (expectedEmail.Totals, expectedPush.Totals));
        }
    }
}
