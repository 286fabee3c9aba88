using CampaignGrains.Api.V1;
using CampaignGrains.Cli.Tests.Fixtures;
using Google.Protobuf.WellKnownTypes;

namespace CampaignGrains.Cli.Tests.Commands;

[Collection(ClusterCollection.Name)]
public sealed class WatchTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Watch_prints_a_snapshot_then_a_new_one_after_an_ingest()
    {
        var campaign = $"watch-{Guid.NewGuid():N}";
        await SendAsync(campaign, "first");

        var run = CliRun.Start(["watch", campaign, "--tab", "email", "--count", "2", "--address", cluster.Address, "--token", ClusterFixture.Token()],
            TestContext.Current.CancellationToken, out var running);
        await UntilAsync(() => run.Output.Contains("snapshot 1"), running);
        await SendAsync(campaign, "second");
        await running.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        var second = run.Output.IndexOf("snapshot 2", StringComparison.Ordinal);
        Assert.True(second > 0, run.ToString());
        Assert.Matches(@"│\s*Sent\s*│\s*1\s*│", run.Output[..second]);
        Assert.Matches(@"│\s*Sent\s*│\s*2\s*│", run.Output[second..]);
    }

    [Fact]
    public async Task Ctrl_c_ends_a_watch_cleanly_with_exit_0()
    {
        var campaign = $"watch-{Guid.NewGuid():N}";
        await SendAsync(campaign, "only");
        using var interrupt = new CancellationTokenSource();

        var run = CliRun.Start(["watch", campaign, "--address", cluster.Address, "--token", ClusterFixture.Token()], interrupt.Token, out var running);
        await UntilAsync(() => run.Output.Contains("snapshot 1"), running);
        await interrupt.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.Equal("", run.Error);
    }

    private async Task SendAsync(string campaign, string eventId)
    {
        var response = await cluster.Ingest.IngestAsync(new IngestRequest
        {
            IdempotencyKey = $"{campaign}-{eventId}",
            Events =
            {
                new DeliveryEvent
                {
                    EventId = eventId, CampaignId = campaign, Channel = Channel.Email, Kind = EventKind.Sent,
                    Time = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-1)), ProfileId = eventId, Domain = "gmail.com",
                },
            },
        }, ClusterFixture.As());
        Assert.Equal(1, response.Accepted);
    }

    /// <summary>Waits for the watch to print, failing if it ends first.</summary>
    private static async Task UntilAsync(Func<bool> condition, Task running)
    {
        while (!condition())
        {
            Assert.False(running.IsCompleted, "The watch ended before printing what was expected.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
