using CampaignGrains.Api.V1;
using CampaignGrains.Cli.Tests.Fixtures;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace CampaignGrains.Cli.Tests.Commands;

[Collection(ClusterCollection.Name)]
public sealed class ReportTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Tables_show_the_counts_rates_and_span_of_each_tab()
    {
        var campaign = await IngestAsync(sent: 8, delivered: 6, hardBounces: 2, pushSent: 3);

        var run = await cluster.CtlAsync(["report", campaign]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("Campaign · " + campaign, run.Output);
        Assert.Contains("last 24 h: ", run.Output);
        Assert.Matches(@"│\s*Sent\s*│\s*8\s*│", run.Output);
        Assert.Matches(@"│\s*Delivered\s*│\s*6\s*│\s*75\.0 %\s*│\s*sent", run.Output);
        Assert.Matches(@"│\s*Bounces\s*│\s*2\s*│\s*25\.0 %\s*│", run.Output);
        Assert.Contains("Invalid recipient", run.Output);
        Assert.Contains("Push · " + campaign, run.Output);
        Assert.Matches(@"│\s*ios\s*│\s*3\s*│", run.Output);
    }

    [Fact]
    public async Task Absent_rates_show_as_a_dash()
    {
        var campaign = await IngestAsync(sent: 0, delivered: 0, hardBounces: 0, pushSent: 2);

        var run = await cluster.CtlAsync(["report", campaign, "--tab", "email"]);

        Assert.Matches(@"│\s*Delivered\s*│\s*0\s*│\s*–\s*│", run.Output);
        Assert.DoesNotContain("Push ·", run.Output);
    }

    [Theory]
    [InlineData("all", "24h")]
    [InlineData("email", "all")]
    [InlineData("campaign", "all")]
    public async Task Json_parses_to_the_APIs_own_answer(string tab, string window)
    {
        var campaign = await IngestAsync(sent: 5, delivered: 4, hardBounces: 1, pushSent: 2);

        var run = await cluster.CtlAsync(["report", campaign, "--tab", tab, "--window", window, "--json"]);
        var api = await cluster.Reports.GetReportAsync(new ReportRequest
        {
            CampaignId = campaign,
            Window = window == "all" ? Window.AllTime : Window.Last24H,
            Tabs = { tab switch { "email" => [Tab.Email], "campaign" => [Tab.Campaign], _ => Array.Empty<Tab>() } },
        }, ClusterFixture.As());

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Equal(Without.Spans(api), Without.Spans(JsonParser.Default.Parse<Report>(run.Output)));
    }

    [Fact]
    public async Task Csv_prints_every_widget_as_a_section()
    {
        var campaign = await IngestAsync(sent: 3, delivered: 3, hardBounces: 0, pushSent: 1);

        var run = await cluster.CtlAsync(["report", campaign, "--csv"]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Contains("# campaign-statistics.csv\r\nmetric,value\r\nentered,0\r\n", run.Output);
        Assert.Contains("# email-counts.csv\r\nmetric,value\r\nsent,3\r\ndelivered,3\r\n", run.Output);
        Assert.Contains("# push-platforms.csv\r\n", run.Output);
    }

    /// <summary>A campaign with email sends, deliveries and hard bounces, and push sends on ios.</summary>
    private async Task<string> IngestAsync(int sent, int delivered, int hardBounces, int pushSent)
    {
        var campaign = $"report-{Guid.NewGuid():N}";
        var time = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-1));
        var number = 0;
        DeliveryEvent Event(Channel channel, EventKind kind) => new()
        {
            EventId = $"e{number++}", CampaignId = campaign, Channel = channel, Kind = kind, Time = time, ProfileId = $"p{number}",
            Domain = channel == Channel.Email ? "gmail.com" : "", Platform = channel == Channel.Push ? "ios" : "",
        };
        var request = new IngestRequest { IdempotencyKey = campaign };
        request.Events.AddRange(Enumerable.Range(0, sent).Select(_ => Event(Channel.Email, EventKind.Sent)));
        request.Events.AddRange(Enumerable.Range(0, delivered).Select(_ => Event(Channel.Email, EventKind.Delivered)));
        request.Events.AddRange(Enumerable.Range(0, hardBounces).Select(_ =>
        {
            var bounce = Event(Channel.Email, EventKind.Bounced);
            (bounce.BounceType, bounce.Reason) = (BounceType.Hard, "Invalid recipient");
            return bounce;
        }));
        request.Events.AddRange(Enumerable.Range(0, pushSent).Select(_ => Event(Channel.Push, EventKind.Sent)));
        var response = await cluster.Ingest.IngestAsync(request, ClusterFixture.As());
        Assert.Equal(request.Events.Count, response.Accepted);
        return campaign;
    }
}
