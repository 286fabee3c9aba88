using CampaignGrains.Grains.Tests.Fixtures;

namespace CampaignGrains.Grains.Tests.Storage;

[Collection(MemoryClusterCollection.Name)]
public sealed class GroupCommitTests(MemoryClusterFixture fixture)
{
    private readonly IIngestGrain _ingest = fixture.Grains.GetGrain<IIngestGrain>(0);
    private DateTimeOffset Now => fixture.Time.GetUtcNow();

    [Fact]
    public async Task Batches_arriving_during_a_write_share_the_next_write()
    {
        var campaign = TestConfiguration.NewCampaignId();
        var key = CampaignKey.Of(TestEvents.Tenant, campaign);
        var hold = fixture.Storage.HoldWrites(key);

        var batches = Enumerable.Range(0, 20)
            .Select(_ => _ingest.IngestAsync(TestEvents.Batch(TestEvents.Email(campaign, EventKind.Sent, Now))))
            .ToList();
        // Every batch is applied in memory (reads see it) while the first write is held.
        await WaitUntilAsync(async () => (await EmailTab(key)).Totals.Sent == 20);
        Assert.All(batches, batch => Assert.False(batch.IsCompleted, "acknowledged before its write completed"));
        hold.SetResult();
        var results = await Task.WhenAll(batches);

        Assert.All(results, result => Assert.Equal(BatchOutcome.Applied, result.Outcome));
        Assert.Equal(2, fixture.Storage.WritesOf(key, "email"));
    }

    [Fact]
    public async Task Failed_write_is_not_acknowledged_and_its_retry_counts_once()
    {
        var campaign = TestConfiguration.NewCampaignId();
        var key = CampaignKey.Of(TestEvents.Tenant, campaign);
        var first = TestEvents.Batch(TestEvents.Email(campaign, EventKind.Sent, Now));
        await _ingest.IngestAsync(first);
        var batch = TestEvents.Batch(TestEvents.Email(campaign, EventKind.Sent, Now), TestEvents.Email(campaign, EventKind.Delivered, Now));
        fixture.Storage.FailNextWrite(key, "email", new TimeoutException("storage timed out"));

        await Assert.ThrowsAsync<StatisticsUnavailableException>(() => _ingest.IngestAsync(batch));
        var retry = await RetryUntilAppliedAsync(batch);

        // The failed attempt's events stayed in memory; the retry's write made them durable.
        Assert.Contains(retry.Outcome, new[] { BatchOutcome.Applied, BatchOutcome.AlreadyApplied });
        var tab = await EmailTab(key);
        Assert.Equal((2, 1), (tab.Totals.Sent, tab.Totals.Delivered));
        Assert.Equal(BatchOutcome.AlreadyApplied, (await _ingest.IngestAsync(first)).Outcome);
    }

    [Fact]
    public async Task Rolling_the_clock_moves_events_out_of_the_live_window_but_not_out_of_all_time()
    {
        var campaign = TestConfiguration.NewCampaignId();
        var key = CampaignKey.Of(TestEvents.Tenant, campaign);
        await _ingest.IngestAsync(TestEvents.Batch(
            TestEvents.Email(campaign, EventKind.Sent, Now.AddHours(-20)),
            TestEvents.Email(campaign, EventKind.Sent, Now.AddMinutes(-1))));
        Assert.Equal(2, (await EmailTab(key, ReportWindow.Last24Hours)).Totals.Sent);

        fixture.Time.Advance(TimeSpan.FromHours(5));

        Assert.Equal(1, (await EmailTab(key, ReportWindow.Last24Hours)).Totals.Sent);
        Assert.Equal(2, (await EmailTab(key)).Totals.Sent);
    }

    /// <summary>The failed activation deactivates itself to reload from storage; a retry may land on it first.</summary>
    private async Task<IngestResult> RetryUntilAppliedAsync(EventBatch batch)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await _ingest.IngestAsync(batch);
            }
            catch (StatisticsUnavailableException) when (attempt < 50)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; !await condition(); attempt++)
        {
            if (attempt == 200) throw new InvalidOperationException("Condition never became true.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    private Task<EmailTab> EmailTab(string key, ReportWindow window = ReportWindow.AllTime) =>
        fixture.Grains.GetGrain<IEmailGrain>(key).GetEmailTabAsync(window);
}
