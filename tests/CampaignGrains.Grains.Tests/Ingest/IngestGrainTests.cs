using CampaignGrains.Grains.Tests.Fixtures;

namespace CampaignGrains.Grains.Tests.Ingest;

[Collection(MemoryClusterCollection.Name)]
public sealed class IngestGrainTests(MemoryClusterFixture fixture)
{
    private readonly IIngestGrain _ingest = fixture.Grains.GetGrain<IIngestGrain>(0);
    private DateTimeOffset Now => fixture.Time.GetUtcNow();

    [Fact]
    public async Task Retried_batch_is_counted_once()
    {
        var campaign = TestConfiguration.NewCampaignId();
        var batch = TestEvents.Batch(
            TestEvents.Email(campaign, EventKind.Sent, Now.AddMinutes(-3)),
            TestEvents.Email(campaign, EventKind.Delivered, Now.AddMinutes(-2)));

        var first = await _ingest.IngestAsync(batch);
        var retry = await _ingest.IngestAsync(batch);

        Assert.Equal((BatchOutcome.Applied, 2, 0), (first.Outcome, first.Accepted, first.Duplicates));
        Assert.Equal((BatchOutcome.AlreadyApplied, 0, 2), (retry.Outcome, retry.Accepted, retry.Duplicates));
        var tab = await EmailTab(campaign);
        Assert.Equal((1, 1), (tab.Totals.Sent, tab.Totals.Delivered));
    }

    [Fact]
    public async Task Same_key_with_other_events_is_refused_and_changes_nothing()
    {
        var campaign = TestConfiguration.NewCampaignId();
        var batch = TestEvents.Batch(TestEvents.Email(campaign, EventKind.Sent, Now));
        await _ingest.IngestAsync(batch);

        var reused = await _ingest.IngestAsync(batch with { Events = [TestEvents.Email(campaign, EventKind.Sent, Now), TestEvents.Email(campaign, EventKind.Opened, Now)] });

        Assert.Equal(BatchOutcome.KeyReusedWithOtherContent, reused.Outcome);
        Assert.All(reused.Issues, issue => Assert.Equal(("idempotency_key", EventOutcome.Rejected), (issue.Field, issue.Outcome)));
        var tab = await EmailTab(campaign);
        Assert.Equal((1, 0), (tab.Totals.Sent, tab.Totals.Opens));
    }

    [Fact]
    public async Task Repeated_event_id_inside_a_batch_counts_once()
    {
        var campaign = TestConfiguration.NewCampaignId();
        var sent = TestEvents.Email(campaign, EventKind.Sent, Now);

        var result = await _ingest.IngestAsync(TestEvents.Batch(sent, sent with { Time = Now.AddMinutes(-1) }));

        Assert.Equal((1, 1), (result.Accepted, result.Duplicates));
        Assert.Equal(new EventIssue(1, EventOutcome.Duplicate, "event_id", "repeats the event_id of an earlier event in this batch"), Assert.Single(result.Issues));
        Assert.Equal(1, (await EmailTab(campaign)).Totals.Sent);
    }

    [Fact]
    public async Task Batch_with_bad_events_applies_the_valid_ones_and_names_each_bad_field()
    {
        var campaign = TestConfiguration.NewCampaignId();
        var batch = TestEvents.Batch(
            TestEvents.Email(campaign, EventKind.Sent, Now),
            TestEvents.Email(campaign, EventKind.Opened, Now) with { BounceType = BounceType.Soft },
            TestEvents.Email(campaign, EventKind.Delivered, Now) with { Platform = "ios" });

        var result = await _ingest.IngestAsync(batch);

        Assert.Equal((BatchOutcome.Applied, 1, 2), (result.Outcome, result.Accepted, result.Rejected));
        Assert.Equal(["bounce_type", "platform"], result.Issues.Select(issue => issue.Field));
        var tab = await EmailTab(campaign);
        Assert.Equal((1, 0, 0), (tab.Totals.Sent, tab.Totals.Opens, tab.Totals.Delivered));
    }

    [Fact]
    public async Task Batch_of_only_bad_events_touches_no_grain()
    {
        var campaign = TestConfiguration.NewCampaignId();

        var result = await _ingest.IngestAsync(TestEvents.Batch(TestEvents.Email(campaign, EventKind.Sent, Now) with { ProfileId = "" }));

        Assert.Equal((BatchOutcome.Rejected, 0, 1), (result.Outcome, result.Accepted, result.Rejected));
        Assert.Null(await fixture.Grains.GetGrain<ICampaignGrain>(CampaignKey.Of(TestEvents.Tenant, campaign)).GetCampaignTabAsync(ReportWindow.AllTime));
    }

    [Theory]
    [InlineData("", "idempotency_key")]
    [InlineData("tenant with spaces", "tenant_id")]
    public async Task Unusable_batch_is_refused_whole(string value, string field)
    {
        var batch = TestEvents.Batch(TestEvents.Email(TestConfiguration.NewCampaignId(), EventKind.Sent, Now));
        batch = field == "tenant_id" ? batch with { TenantId = value } : batch with { IdempotencyKey = value };

        var error = await Assert.ThrowsAsync<InvalidBatchException>(() => _ingest.IngestAsync(batch));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public async Task Oversized_batch_is_refused_whole()
    {
        var campaign = TestConfiguration.NewCampaignId();
        var events = Enumerable.Range(0, 10_001).Select(_ => TestEvents.Email(campaign, EventKind.Sent, Now)).ToArray();

        var error = await Assert.ThrowsAsync<InvalidBatchException>(() => _ingest.IngestAsync(TestEvents.Batch(events)));

        Assert.Equal("events", error.Field);
    }

    [Fact]
    public async Task Campaign_tab_sums_delivered_errors_and_exclusions_across_channels()
    {
        var campaign = TestConfiguration.NewCampaignId();
        await _ingest.IngestAsync(TestEvents.Batch(
            new DeliveryEvent("entered-1", campaign, Channel.None, EventKind.Entered, Now, "p1"),
            new DeliveryEvent("excluded-1", campaign, Channel.None, EventKind.Excluded, Now, "p1", Reason: "no consent"),
            TestEvents.Email(campaign, EventKind.Excluded, Now),
            TestEvents.Email(campaign, EventKind.Delivered, Now),
            TestEvents.Push(campaign, EventKind.Delivered, Now),
            TestEvents.Push(campaign, EventKind.Errored, Now),
            TestEvents.Email(campaign, EventKind.Opened, Now)));

        var tab = await fixture.Grains.GetGrain<ICampaignGrain>(CampaignKey.Of(TestEvents.Tenant, campaign)).GetCampaignTabAsync(ReportWindow.Last24Hours);

        Assert.NotNull(tab);
        Assert.Equal((1, 2, 2, 1), (tab.Entered, tab.Excluded, tab.Delivered, tab.Errors));
        Assert.Equal([Channel.Email, Channel.Push], tab.Channels);
    }

    [Fact]
    public async Task Unknown_campaign_has_no_campaign_tab() =>
        Assert.Null(await fixture.Grains.GetGrain<ICampaignGrain>(CampaignKey.Of(TestEvents.Tenant, TestConfiguration.NewCampaignId()))
            .GetCampaignTabAsync(ReportWindow.AllTime));

    [Fact]
    public async Task Rates_are_absent_when_their_denominator_is_zero()
    {
        var campaign = TestConfiguration.NewCampaignId();
        await _ingest.IngestAsync(TestEvents.Batch(TestEvents.Email(campaign, EventKind.Sent, Now)));

        var rates = (await EmailTab(campaign)).Rates;

        Assert.Equal(0.0, rates.Delivery);
        Assert.Null(rates.Open);
        Assert.Null(rates.ClickToOpen);
    }

    private Task<EmailTab> EmailTab(string campaign) =>
        fixture.Grains.GetGrain<IEmailGrain>(CampaignKey.Of(TestEvents.Tenant, campaign)).GetEmailTabAsync(ReportWindow.AllTime);
}
