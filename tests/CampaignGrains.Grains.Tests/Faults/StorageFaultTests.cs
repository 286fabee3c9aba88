using Azure;
using Orleans.Storage;
using CampaignGrains.Grains.Storage;
using CampaignGrains.Grains.Tests.Fixtures;

namespace CampaignGrains.Grains.Tests.Faults;

/// <summary>
/// Storage failing the way Azure Table storage does, on the two writes there are: the log append, which the
/// producer's answer waits for (it hears UNAVAILABLE, <see cref="StatisticsUnavailableException"/>, and its retry
/// with the same key counts the batch exactly once, whether or not the failed append had landed), and a grain's
/// checkpoint, which nobody waits for (the log keeps the entries it did not cover and hands them out again).
/// </summary>
[Collection(MemoryClusterCollection.Name)]
public sealed class StorageFaultTests(MemoryClusterFixture fixture)
{
    private readonly IIngestGrain _ingest = fixture.Grains.GetGrain<IIngestGrain>(0);

    public static TheoryData<string> AppendFailures => ["timeout", "throttling"];

    public static TheoryData<string> CheckpointFailures => ["etag conflict", "timeout", "throttling"];

    [Theory]
    [MemberData(nameof(AppendFailures))]
    public async Task Failed_append_is_unavailable_and_its_retry_counts_once(string failure)
    {
        var (key, batch) = NewBatch();
        fixture.Log.FailNextAppend(Failure(failure));

        await Assert.ThrowsAsync<StatisticsUnavailableException>(() => _ingest.IngestAsync(batch));
        Assert.Equal(BatchOutcome.Applied, (await RetryUntilAnsweredAsync(batch)).Outcome);

        await AssertCountedOnceAsync(key);
    }

    [Fact]
    public async Task Append_that_landed_but_whose_answer_was_lost_is_delivered_and_not_counted_again_on_retry()
    {
        var (key, batch) = NewBatch();
        fixture.Log.FailAfterNextAppend(new TimeoutException("the answer never came back"));

        await Assert.ThrowsAsync<StatisticsUnavailableException>(() => _ingest.IngestAsync(batch));
        var retry = await RetryUntilAnsweredAsync(batch);

        Assert.Equal(BatchOutcome.AlreadyApplied, retry.Outcome);
        Assert.Equal(EventOutcome.Duplicate, Assert.Single(retry.Issues, issue => issue.Index == 0).Outcome);
        await AssertCountedOnceAsync(key);
    }

    [Fact]
    public async Task Append_retried_by_the_storage_client_after_it_landed_is_acknowledged_once_and_the_shard_writes_on()
    {
        var (key, batch) = NewBatchOnShard(3);
        fixture.Log.AnswerNextAppendAsRetried();

        Assert.Equal(BatchOutcome.Applied, (await _ingest.IngestAsync(batch)).Outcome);
        await AssertCountedOnceAsync(key);

        // The shard took its own append as written: the next batch of the same shard gets the next position
        // rather than colliding with the landed one and fencing the shard off.
        var (nextKey, next) = NewBatchOnShard(3);
        Assert.Equal(BatchOutcome.Applied, (await _ingest.IngestAsync(next)).Outcome);
        await AssertCountedOnceAsync(nextKey);
    }

    [Theory]
    [MemberData(nameof(CheckpointFailures))]
    public async Task Failed_checkpoint_loses_nothing_and_counts_nothing_twice_after_the_grain_reloads(string failure)
    {
        var (key, batch) = NewBatch();
        Assert.Equal(BatchOutcome.Applied, (await _ingest.IngestAsync(batch)).Outcome);
        fixture.Storage.FailNextWrite(key, "email", Failure(failure));

        await Assert.ThrowsAnyAsync<Exception>(() => fixture.Grains.GetGrain<IEmailGrain>(key).CheckpointAsync());
        await fixture.Cluster.DeactivateAsync(fixture.Grains.GetGrain<IEmailGrain>(key));

        await AssertCountedOnceAsync(key);
        Assert.Equal(BatchOutcome.AlreadyApplied, (await _ingest.IngestAsync(batch)).Outcome);
        await AssertCountedOnceAsync(key);
    }

    [Fact]
    public async Task Checkpoint_retried_by_the_storage_client_after_it_landed_is_taken_as_written()
    {
        var (key, batch) = NewBatch();
        await _ingest.IngestAsync(batch);
        var email = fixture.Grains.GetGrain<IEmailGrain>(key);
        // The write lands; its answer times out, and the client's retry is refused for the ETag the write changed.
        fixture.Storage.FailAfterNextWrite(key, "email", new InconsistentStateException("ETag mismatch: the retry of a write that landed", "new", "old"));

        await email.CheckpointAsync();

        // The activation kept its sums and holds the record's new ETag: its next checkpoint is not refused.
        Assert.Equal(BatchOutcome.Applied, (await _ingest.IngestAsync(TestEvents.Batch(TestEvents.Email(CampaignKey.Split(key).CampaignId, EventKind.Opened, fixture.Time.GetUtcNow())))).Outcome);
        await email.CheckpointAsync();
        await fixture.Cluster.DeactivateAsync(email);
        var tab = await email.GetEmailTabAsync(ReportWindow.AllTime);
        Assert.Equal((1, 1, 1), (tab.Totals.Sent, tab.Totals.Delivered, tab.Totals.Opens));
    }

    [Fact]
    public async Task Grain_gone_before_its_checkpoint_catches_up_from_the_log_on_activation()
    {
        var (key, batch) = NewBatch();
        await _ingest.IngestAsync(batch);
        // Its deactivation's checkpoint fails, as if its silo had died: the record in storage has nothing.
        fixture.Storage.FailNextWrite(key, "email", new TimeoutException("storage timed out"));
        await fixture.Cluster.DeactivateAsync(fixture.Grains.GetGrain<IEmailGrain>(key));
        Assert.Null(fixture.Storage.Stored<StatisticsRecord>(key, "email"));

        await AssertCountedOnceAsync(key);
    }

    [Fact]
    public async Task Checkpoint_covers_what_was_applied_and_a_reloaded_grain_does_not_apply_it_again()
    {
        var (key, batch) = NewBatch();
        await _ingest.IngestAsync(batch);
        await fixture.Grains.GetGrain<IEmailGrain>(key).CheckpointAsync();
        await fixture.Grains.GetGrain<ICampaignGrain>(key).CheckpointAsync();

        await fixture.Cluster.DeactivateAsync(fixture.Grains.GetGrain<IEmailGrain>(key));
        await fixture.Cluster.DeactivateAsync(fixture.Grains.GetGrain<ICampaignGrain>(key));

        await AssertCountedOnceAsync(key);
    }

    private (string Key, EventBatch Batch) NewBatch()
    {
        var campaign = TestConfiguration.NewCampaignId();
        var now = fixture.Time.GetUtcNow();
        return (CampaignKey.Of(TestEvents.Tenant, campaign), TestEvents.Batch(
            TestEvents.Email(campaign, EventKind.Sent, now), TestEvents.Email(campaign, EventKind.Delivered, now)));
    }

    private (string Key, EventBatch Batch) NewBatchOnShard(int shard)
    {
        var campaign = TestConfiguration.NewCampaignId();
        var now = fixture.Time.GetUtcNow();
        return (CampaignKey.Of(TestEvents.Tenant, campaign), TestEvents.BatchOnShard(shard,
            TestEvents.Email(campaign, EventKind.Sent, now), TestEvents.Email(campaign, EventKind.Delivered, now)));
    }

    private async Task AssertCountedOnceAsync(string key)
    {
        var tab = await fixture.Grains.GetGrain<IEmailGrain>(key).GetEmailTabAsync(ReportWindow.AllTime);
        Assert.Equal((1, 1), (tab.Totals.Sent, tab.Totals.Delivered));
        Assert.Equal(1, (await fixture.Grains.GetGrain<ICampaignGrain>(key).GetCampaignTabAsync(ReportWindow.AllTime))!.Delivered);
    }

    private static Exception Failure(string kind) => kind switch
    {
        "etag conflict" => new InconsistentStateException("ETag mismatch: another writer got there first", "stored", "expected"),
        "timeout" => new TimeoutException("storage timed out"),
        _ => new RequestFailedException(503, "Server busy: the account is being throttled"),
    };

    /// <summary>A failed append leaves the shard reading the log back before its next one; a retry may need a moment.</summary>
    private async Task<IngestResult> RetryUntilAnsweredAsync(EventBatch batch)
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
}
