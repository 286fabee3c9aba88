using CampaignGrains.Api.Tests.Fixtures;
using CampaignGrains.Api.V1;

namespace CampaignGrains.Api.Tests.Services;

[Collection(GatewayCollection.Name)]
public sealed class WatchReportTests(GatewayFixture fixture)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private DateTimeOffset Now => fixture.StatisticsTime.GetUtcNow();

    [Fact]
    public async Task A_burst_of_ingests_arrives_as_one_snapshot_at_the_configured_rate()
    {
        var campaign = Calls.NewCampaignId();
        await Ingest(campaign);
        using var watch = fixture.Silo.Reports.WatchReport(
            new ReportRequest { CampaignId = campaign, Window = Window.AllTime, Tabs = { Tab.Email } }, Calls.As());
        var snapshots = watch.ResponseStream;

        Assert.True(await snapshots.MoveNext());
        Assert.Equal(1, snapshots.Current.Email.Totals.Sent);
        Assert.Null(snapshots.Current.Campaign);

        // The throttle's clock stands still: the burst waits behind it and is coalesced.
        for (var i = 0; i < 10; i++) await Ingest(campaign);
        fixture.WatchTime.Advance(Interval);
        Assert.True(await snapshots.MoveNext());
        Assert.Equal(11, snapshots.Current.Email.Totals.Sent);

        // Had the burst produced more than one snapshot, the next would still show 11.
        await Ingest(campaign);
        fixture.WatchTime.Advance(Interval);
        Assert.True(await snapshots.MoveNext());
        Assert.Equal(12, snapshots.Current.Email.Totals.Sent);
    }

    [Fact]
    public async Task Watching_an_unknown_campaign_is_not_found()
    {
        using var watch = fixture.Silo.Reports.WatchReport(new ReportRequest { CampaignId = Calls.NewCampaignId(), Window = Window.Last24H }, Calls.As());

        var error = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext());

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    private Task Ingest(string campaign) =>
        fixture.Silo.Ingest.IngestAsync(Calls.Batch(Calls.Email(campaign, EventKind.Sent, Now)), Calls.As()).ResponseAsync;
}
