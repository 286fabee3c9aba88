using CampaignGrains.Grains.Tests.Fixtures;

namespace CampaignGrains.Grains.Tests.Reports;

/// <summary>
/// A generated campaign of 100,000 events (every kind, both channels, late, out of order, repeated ids,
/// retried batches) ingested into grains on Azurite; every tab must equal the LINQ oracle's.
/// </summary>
[Collection(AzuriteClusterCollection.Name)]
public sealed class OracleTests(AzuriteClusterFixture fixture)
{
    [Fact]
    public async Task Reports_equal_the_oracle_for_both_windows()
    {
        var now = fixture.Time.GetUtcNow();
        var generated = CampaignGenerator.Generate(seed: 42, TestEvents.Tenant, TestConfiguration.NewCampaignId(), now);
        var ingest = fixture.Grains.GetGrain<IIngestGrain>(0);

        // Producers send concurrently; a retry is sent only after its first attempt was answered.
        var sent = new HashSet<string>();
        foreach (var round in generated.Batches.Chunk(4))
        {
            var results = await Task.WhenAll(round.Select(batch => ingest.IngestAsync(batch)));
            foreach (var (batch, result) in round.Zip(results))
            {
                var expected = sent.Add(batch.IdempotencyKey) ? BatchOutcome.Applied : BatchOutcome.AlreadyApplied;
                Assert.Equal(expected, result.Outcome);
                Assert.Equal(0, result.Rejected);
            }
        }

        var oracle = ReportOracle.From(generated.Batches);
        Assert.Equal(100_000, oracle.Events.Count);
        var key = CampaignKey.Of(TestEvents.Tenant, generated.CampaignId);
        foreach (var window in new[] { ReportWindow.Last24Hours, ReportWindow.AllTime })
        {
            ReportAssert.Equal(oracle.Campaign(window, now), await fixture.Grains.GetGrain<ICampaignGrain>(key).GetCampaignTabAsync(window));
            ReportAssert.Equal(oracle.Email(window, now), await fixture.Grains.GetGrain<IEmailGrain>(key).GetEmailTabAsync(window));
            ReportAssert.Equal(oracle.Push(window, now), await fixture.Grains.GetGrain<IPushGrain>(key).GetPushTabAsync(window));
        }
    }
}
