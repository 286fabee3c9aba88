using CampaignGrains.Grains.Tests.Fixtures;

namespace CampaignGrains.Grains.Tests.Storage;

[Collection(AzuriteClusterCollection.Name)]
public sealed class RestartTests(AzuriteClusterFixture fixture)
{
    [Fact]
    public async Task Statistics_survive_a_restart_and_a_retry_after_it_counts_once()
    {
        var now = fixture.Time.GetUtcNow();
        var campaign = TestConfiguration.NewCampaignId();
        var key = CampaignKey.Of(TestEvents.Tenant, campaign);
        var batch = TestEvents.Batch(
            TestEvents.Email(campaign, EventKind.Sent, now.AddMinutes(-10)),
            TestEvents.Email(campaign, EventKind.Opened, now.AddMinutes(-5)),
            TestEvents.Push(campaign, EventKind.Delivered, now.AddMinutes(-1)));

        EmailTab before;
        await using (var first = await fixture.StartClusterAsync())
        {
            Assert.Equal(BatchOutcome.Applied, (await first.Client.GetGrain<IIngestGrain>(0).IngestAsync(batch)).Outcome);
            before = await first.Client.GetGrain<IEmailGrain>(key).GetEmailTabAsync(ReportWindow.AllTime);
            await first.StopAllSilosAsync(TestContext.Current.CancellationToken);
        }

        await using var restarted = await fixture.StartClusterAsync();
        var grains = restarted.Client;
        Assert.Equal(before, await grains.GetGrain<IEmailGrain>(key).GetEmailTabAsync(ReportWindow.AllTime), new TabComparer());

        var retry = await grains.GetGrain<IIngestGrain>(0).IngestAsync(batch);

        Assert.Equal(BatchOutcome.AlreadyApplied, retry.Outcome);
        var email = await grains.GetGrain<IEmailGrain>(key).GetEmailTabAsync(ReportWindow.AllTime);
        Assert.Equal((1, 1), (email.Totals.Sent, email.Totals.Opens));
        Assert.Equal(1, (await grains.GetGrain<IPushGrain>(key).GetPushTabAsync(ReportWindow.AllTime)).Totals.Delivered);
        Assert.Equal(1, (await grains.GetGrain<ICampaignGrain>(key).GetCampaignTabAsync(ReportWindow.AllTime))!.Delivered);
    }

    /// <summary>Tabs hold arrays, which records compare by reference.</summary>
    private sealed class TabComparer : IEqualityComparer<EmailTab>
    {
        public bool Equals(EmailTab? x, EmailTab? y) =>
            x is not null && y is not null && x.Totals == y.Totals && x.UniqueOpens == y.UniqueOpens && x.Series.SequenceEqual(y.Series)
            && x.Domains.Domains.SequenceEqual(y.Domains.Domains) && x.BounceReasons.Reasons.SequenceEqual(y.BounceReasons.Reasons);

        public int GetHashCode(EmailTab obj) => obj.Totals.GetHashCode();
    }
}
