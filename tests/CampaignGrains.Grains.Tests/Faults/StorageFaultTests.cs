using Azure;
using Orleans.Storage;
using CampaignGrains.Grains.Tests.Fixtures;

namespace CampaignGrains.Grains.Tests.Faults;

/// <summary>
/// Storage failing a write the way Azure Table storage does. The caller is told UNAVAILABLE
/// (<see cref="StatisticsUnavailableException"/>), nothing is acknowledged, and the retry with the same
/// key counts the batch exactly once, whether or not the failed write had landed.
/// </summary>
[Collection(MemoryClusterCollection.Name)]
public sealed class StorageFaultTests(MemoryClusterFixture fixture)
{
    private readonly IIngestGrain _ingest = fixture.Grains.GetGrain<IIngestGrain>(0);

    public static TheoryData<string> Failures => ["etag conflict", "timeout", "throttling"];

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Failed_write_is_unavailable_and_its_retry_counts_once(string failure)
    {
        var (campaign, key, batch) = NewBatch();
        fixture.Storage.FailNextWrite(key, "email", Failure(failure));

        await Assert.ThrowsAsync<StatisticsUnavailableException>(() => _ingest.IngestAsync(batch));
        await RetryUntilAnsweredAsync(batch);

        await AssertCountedOnceAsync(key);
    }

    [Fact]
    public async Task Write_that_landed_but_whose_answer_was_lost_is_not_counted_again_on_retry()
    {
        var (_, key, batch) = NewBatch();
        fixture.Storage.FailAfterNextWrite(key, "email", new TimeoutException("the answer never came back"));

        await Assert.ThrowsAsync<StatisticsUnavailableException>(() => _ingest.IngestAsync(batch));
        var retry = await RetryUntilAnsweredAsync(batch);

        Assert.Equal(EventOutcome.Duplicate, Assert.Single(retry.Issues, issue => issue.Index == 0).Outcome);
        await AssertCountedOnceAsync(key);
    }

    [Fact]
    public async Task Deactivation_between_write_and_acknowledgement_neither_loses_nor_doubles_the_batch()
    {
        var (_, key, batch) = NewBatch();
        var hold = fixture.Storage.HoldWrites(key);
        var first = _ingest.IngestAsync(batch);
        await WaitUntilAsync(() => fixture.Storage.WritesOf(key, "email") > 0);

        // Deactivation waits for the call in flight, so it lands exactly between the write and the answer.
        var deactivation = fixture.Cluster.DeactivateAsync(fixture.Grains.GetGrain<IEmailGrain>(key));
        hold.SetResult();
        await deactivation;
        await first;
        var retry = await _ingest.IngestAsync(batch);

        Assert.Equal(BatchOutcome.AlreadyApplied, retry.Outcome);
        await AssertCountedOnceAsync(key);
    }

    private (string Campaign, string Key, EventBatch Batch) NewBatch()
    {
        var campaign = TestConfiguration.NewCampaignId();
        var now = fixture.Time.GetUtcNow();
        return (campaign, CampaignKey.Of(TestEvents.Tenant, campaign), TestEvents.Batch(
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

    /// <summary>The faulted activation deactivates itself to reload from storage; a retry may still reach it first.</summary>
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

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var attempt = 0; !condition(); attempt++)
        {
            if (attempt == 200) throw new InvalidOperationException("Condition never became true.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
