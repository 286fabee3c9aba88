using CampaignGrains.Grains.Tests.Fixtures;

namespace CampaignGrains.Grains.Tests.Storage;

[Collection(MemoryClusterCollection.Name)]
public sealed class LogGroupCommitTests(MemoryClusterFixture fixture)
{
    private readonly IIngestGrain _ingest = fixture.Grains.GetGrain<IIngestGrain>(0);
    private DateTimeOffset Now => fixture.Time.GetUtcNow();

    [Fact]
    public async Task Batches_arriving_during_an_append_share_the_next_append_and_none_is_acknowledged_before_it()
    {
        var campaign = TestConfiguration.NewCampaignId();
        var key = CampaignKey.Of(TestEvents.Tenant, campaign);
        var batches = Enumerable.Range(0, 20).Select(_ => TestEvents.BatchOnShard(0, TestEvents.Email(campaign, EventKind.Sent, Now))).ToList();
        var appendsBefore = fixture.Log.Appends;
        var hold = fixture.Log.HoldAppends();

        var first = _ingest.IngestAsync(batches[0]);
        await WaitUntilAsync(() => Task.FromResult(fixture.Log.Appends == appendsBefore + 1));
        var rest = batches.Skip(1).Select(batch => _ingest.IngestAsync(batch)).ToList();
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.False(first.IsCompleted || rest.Any(batch => batch.IsCompleted), "acknowledged before its append completed");
        hold.SetResult();
        var results = await Task.WhenAll([first, .. rest]);

        Assert.All(results, result => Assert.Equal(BatchOutcome.Applied, result.Outcome));
        Assert.Equal(appendsBefore + 2, fixture.Log.Appends);
        Assert.Equal(20, (await EmailTab(key)).Totals.Sent);
    }

    [Fact]
    public async Task An_acknowledged_batch_is_visible_before_any_checkpoint_is_written()
    {
        var campaign = TestConfiguration.NewCampaignId();
        var key = CampaignKey.Of(TestEvents.Tenant, campaign);

        var result = await _ingest.IngestAsync(TestEvents.Batch(TestEvents.Email(campaign, EventKind.Sent, Now), TestEvents.Email(campaign, EventKind.Delivered, Now)));

        Assert.Equal(BatchOutcome.Applied, result.Outcome);
        var tab = await EmailTab(key);
        Assert.Equal((1, 1), (tab.Totals.Sent, tab.Totals.Delivered));
        Assert.Equal(0, fixture.Storage.WritesOf(key, "email"));
    }

    [Fact]
    public async Task A_batch_over_three_campaigns_calls_only_the_grains_with_events_of_it()
    {
        var (emailOnly, pushOnly) = (TestConfiguration.NewCampaignId(), TestConfiguration.NewCampaignId());
        await _ingest.IngestAsync(TestEvents.Batch(TestEvents.Email(emailOnly, EventKind.Sent, Now), TestEvents.Push(pushOnly, EventKind.Sent, Now)));

        await fixture.Grains.GetGrain<IEmailGrain>(CampaignKey.Of(TestEvents.Tenant, emailOnly)).CheckpointAsync();
        await fixture.Grains.GetGrain<IPushGrain>(CampaignKey.Of(TestEvents.Tenant, pushOnly)).CheckpointAsync();

        // A checkpoint of a grain the batch never reached would have nothing to write.
        Assert.Equal(1, fixture.Storage.WritesOf(CampaignKey.Of(TestEvents.Tenant, emailOnly), "email"));
        Assert.Equal(1, fixture.Storage.WritesOf(CampaignKey.Of(TestEvents.Tenant, pushOnly), "push"));
        var management = fixture.Grains.GetGrain<IManagementGrain>(0);
        var active = await management.GetActiveGrains(GrainType.Create("push"));
        Assert.DoesNotContain(active, grain => grain.Key.ToString() == CampaignKey.Of(TestEvents.Tenant, emailOnly));
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
