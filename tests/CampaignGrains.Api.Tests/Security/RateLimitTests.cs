using CampaignGrains.Api.Tests.Fixtures;
using CampaignGrains.Api.V1;
using Google.Rpc;

namespace CampaignGrains.Api.Tests.Security;

[Collection(GatewayCollection.Name)]
public sealed class RateLimitTests(GatewayFixture fixture)
{
    [Fact]
    public async Task A_tenant_over_its_limit_gets_resource_exhausted_with_retry_after_and_others_are_unaffected()
    {
        // Two batches of burst and no refill within the test: the third is over the limit whatever the timing.
        await using var silo = await fixture.StartSiloAsync($"limited-{Guid.NewGuid():N}", new Dictionary<string, string?>
        {
            ["RateLimits:IngestBatchesPerPeriod"] = "1",
            ["RateLimits:IngestBurst"] = "2",
            ["RateLimits:Period"] = "01:00:00",
        });
        var campaign = Calls.NewCampaignId();
        IngestRequest Batch() => Calls.Batch(Calls.Email(campaign, EventKind.Sent, fixture.StatisticsTime.GetUtcNow()));

        await silo.Ingest.IngestAsync(Batch(), Calls.As("busy-tenant"));
        await silo.Ingest.IngestAsync(Batch(), Calls.As("busy-tenant"));
        var error = await Assert.ThrowsAsync<RpcException>(() => silo.Ingest.IngestAsync(Batch(), Calls.As("busy-tenant")).ResponseAsync);
        var other = await silo.Ingest.IngestAsync(Batch(), Calls.As("quiet-tenant"));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.True(long.Parse(error.Trailers.GetValue("retry-after-ms")!) > 0);
        Assert.True(error.GetRpcStatus()!.GetDetail<RetryInfo>().RetryDelay.ToTimeSpan() > TimeSpan.Zero);
        Assert.Equal(BatchOutcome.Applied, other.Outcome);
        var tab = await silo.Reports.GetEmailTabAsync(new TabRequest { CampaignId = campaign, Window = Window.AllTime }, Calls.As("busy-tenant"));
        Assert.Equal(2, tab.Totals.Sent);
    }
}
