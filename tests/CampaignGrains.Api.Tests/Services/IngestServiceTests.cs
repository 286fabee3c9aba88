using CampaignGrains.Api.Tests.Fixtures;
using CampaignGrains.Api.V1;
using Google.Rpc;

namespace CampaignGrains.Api.Tests.Services;

[Collection(GatewayCollection.Name)]
public sealed class IngestServiceTests(GatewayFixture fixture)
{
    private DateTimeOffset Now => fixture.StatisticsTime.GetUtcNow();

    [Fact]
    public async Task Retried_ingest_answers_duplicate_and_changes_nothing()
    {
        var campaign = Calls.NewCampaignId();
        var batch = Calls.Batch(Calls.Email(campaign, EventKind.Sent, Now), Calls.Email(campaign, EventKind.Delivered, Now));

        var first = await fixture.Silo.Ingest.IngestAsync(batch, Calls.As());
        var retry = await fixture.Silo.Ingest.IngestAsync(batch, Calls.As());

        Assert.Equal(BatchOutcome.Applied, first.Outcome);
        Assert.All(first.Results, result => Assert.Equal(EventOutcome.Accepted, result.Outcome));
        Assert.Equal(BatchOutcome.AlreadyApplied, retry.Outcome);
        Assert.All(retry.Results, result => Assert.Equal(EventOutcome.Duplicate, result.Outcome));
        Assert.Equal(1, (await EmailTotals(campaign)).Sent);
    }

    [Fact]
    public async Task Same_key_with_other_events_is_rejected_not_merged()
    {
        var campaign = Calls.NewCampaignId();
        var batch = Calls.Batch(Calls.Email(campaign, EventKind.Sent, Now));
        await fixture.Silo.Ingest.IngestAsync(batch, Calls.As());
        var other = batch.Clone();
        other.Events.Add(Calls.Email(campaign, EventKind.Opened, Now));

        var response = await fixture.Silo.Ingest.IngestAsync(other, Calls.As());

        Assert.Equal(BatchOutcome.KeyReusedWithOtherContent, response.Outcome);
        Assert.All(response.Results, result => Assert.Equal((EventOutcome.Rejected, "idempotency_key"), (result.Outcome, result.Field)));
        var totals = await EmailTotals(campaign);
        Assert.Equal((1, 0), (totals.Sent, totals.Opens));
    }

    [Fact]
    public async Task Each_event_gets_its_own_result_with_the_rejected_field()
    {
        var campaign = Calls.NewCampaignId();
        var noProfile = Calls.Email(campaign, EventKind.Sent, Now);
        noProfile.ProfileId = "";
        var unknownKind = Calls.Email(campaign, EventKind.Sent, Now);
        unknownKind.Kind = (EventKind)42;
        var good = Calls.Email(campaign, EventKind.Sent, Now);

        var response = await fixture.Silo.Ingest.IngestAsync(Calls.Batch(noProfile, good, unknownKind, good), Calls.As());

        Assert.Equal(
            [(EventOutcome.Rejected, "profile_id"), (EventOutcome.Accepted, ""), (EventOutcome.Rejected, "kind"), (EventOutcome.Duplicate, "event_id")],
            response.Results.Select(result => (result.Outcome, result.Field)));
        Assert.Equal((1, 1, 2), (response.Accepted, response.Duplicates, response.Rejected));
    }

    [Fact]
    public async Task Unusable_batch_is_invalid_argument_with_the_field_violation()
    {
        var batch = Calls.Batch(Calls.Email(Calls.NewCampaignId(), EventKind.Sent, Now));
        batch.IdempotencyKey = "";

        var error = await Assert.ThrowsAsync<RpcException>(() => fixture.Silo.Ingest.IngestAsync(batch, Calls.As()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations);
        Assert.Equal("idempotency_key", violation.Field);
    }

    [Fact]
    public async Task Streamed_batches_are_answered_in_order()
    {
        var campaign = Calls.NewCampaignId();
        var batches = Enumerable.Range(0, 5).Select(_ => Calls.Batch(Calls.Email(campaign, EventKind.Sent, Now))).ToList();

        using var call = fixture.Silo.Ingest.IngestStream(Calls.As());
        foreach (var batch in batches) await call.RequestStream.WriteAsync(batch);
        await call.RequestStream.CompleteAsync();
        var responses = await call.ResponseStream.ReadAllAsync().ToListAsync();

        Assert.Equal(batches.Select(batch => batch.IdempotencyKey), responses.Select(response => response.IdempotencyKey));
        Assert.All(responses, response => Assert.Equal(BatchOutcome.Applied, response.Outcome));
        Assert.Equal(5, (await EmailTotals(campaign)).Sent);
    }

    [Fact]
    public async Task Deadline_shorter_than_the_grain_call_is_deadline_exceeded_and_a_retry_counts_once()
    {
        var campaign = Calls.NewCampaignId();
        var batch = Calls.Batch([.. Enumerable.Range(0, 10_000).Select(_ => Calls.Email(campaign, EventKind.Sent, Now))]);

        var error = await Assert.ThrowsAsync<RpcException>(() => fixture.Silo.Ingest.IngestAsync(batch, Calls.As(deadline: TimeSpan.FromMilliseconds(1))).ResponseAsync);
        var retry = await fixture.Silo.Ingest.IngestAsync(batch, Calls.As());

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Contains(retry.Outcome, new[] { BatchOutcome.Applied, BatchOutcome.AlreadyApplied });
        Assert.Equal(10_000, (await EmailTotals(campaign)).Sent);
    }

    private async Task<EmailCounts> EmailTotals(string campaign) =>
        (await fixture.Silo.Reports.GetEmailTabAsync(new TabRequest { CampaignId = campaign, Window = Window.AllTime }, Calls.As())).Totals;
}
