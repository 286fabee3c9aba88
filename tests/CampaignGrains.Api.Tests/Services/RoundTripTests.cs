using CampaignGrains.Api.Mapping;
using CampaignGrains.Api.Tests.Fixtures;
using CampaignGrains.Api.V1;
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
            var response = await fixture.Silo.Ingest.IngestAsync(batch.ToIngestRequest(), Calls.As());
            var expected = sent.Add(batch.IdempotencyKey) ? BatchOutcome.Applied : BatchOutcome.AlreadyApplied;
            Assert.Equal(expected, response.Outcome);
            Assert.Equal(batch.Events.Length, response.Results.Count);
        }

        var oracle = ReportOracle.From(generated.Batches);
        await OracleAssert.TabsEqualAsync(fixture.Silo.Reports, Calls.As(), oracle, generated.CampaignId, now);

        foreach (var (window, domainWindow) in new[] { (Window.Last24H, Domain.ReportWindow.Last24Hours), (Window.AllTime, Domain.ReportWindow.AllTime) })
        {
            var report = await fixture.Silo.Reports.GetReportAsync(new ReportRequest { CampaignId = generated.CampaignId, Window = window }, Calls.As());
            var (expectedEmail, expectedPush) = (ReportMapper.ToMessage(oracle.Email(domainWindow, now)), ReportMapper.ToMessage(oracle.Push(domainWindow, now)));
            Assert.Equal((report.Email.Totals, report.Push.Totals), (expectedEmail.Totals, expectedPush.Totals));
        }
    }
}
