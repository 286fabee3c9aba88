using CampaignGrains.Api.Security;
using CampaignGrains.Cli.Tests.Fixtures;

namespace CampaignGrains.Cli.Tests.Commands;

/// <summary>Each kind of failure ends with its own exit code and a sentence saying what to do, never a stack trace.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ExitCodeTests(ClusterFixture cluster)
{
    public static readonly TheoryData<string[]> CampaignCommands = new(
        ["report", "c1"], ["watch", "c1", "--count", "1"], ["export", "c1", "--out", "unused"]);

    public static readonly TheoryData<string[]> CallingCommands = new(
        ["report", "c1"], ["watch", "c1", "--count", "1"], ["export", "c1", "--out", "unused"], ["campaigns"],
        ["simulate", "c1", "--recipients", "5"]);

    [Theory]
    [MemberData(nameof(CallingCommands))]
    public async Task Connection_refused_exits_3_naming_the_address(string[] args)
    {
        var address = $"http://127.0.0.1:{FreePort.Next()}";

        var run = await CliRun.RunAsync([.. args, "--address", address, "--token", ClusterFixture.Token()]);

        Assert.Equal(ExitCodes.Unreachable, run.ExitCode);
        Assert.Contains(address, run.Error);
        Assert.Contains("./run.sh", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Theory]
    [MemberData(nameof(CallingCommands))]
    public async Task No_token_exits_4_with_how_to_get_one(string[] args)
    {
        var run = await CliRun.RunAsync([.. args, "--address", cluster.Address, "--token", ""]);

        Assert.Equal(ExitCodes.NotAuthorized, run.ExitCode);
        Assert.Contains("export CAMPAIGNCTL_TOKEN=$(campaignctl token --tenant", run.Error);
    }

    [Fact]
    public async Task A_garbage_token_exits_4_saying_it_was_refused()
    {
        var run = await CliRun.RunAsync(["report", "c1", "--address", cluster.Address, "--token", "not-a-jwt"]);

        Assert.Equal(ExitCodes.NotAuthorized, run.ExitCode);
        Assert.Contains("refused the token", run.Error);
        Assert.Contains("campaignctl token --tenant", run.Error);
    }

    [Fact]
    public async Task A_token_without_the_write_scope_exits_4_naming_the_scope()
    {
        var readOnly = ClusterFixture.Token(ClusterFixture.Tenant, Scopes.ReportsRead);

        var run = await CliRun.RunAsync(["simulate", "c1", "--recipients", "5", "--address", cluster.Address, "--token", readOnly]);

        Assert.Equal(ExitCodes.NotAuthorized, run.ExitCode);
        Assert.Contains(Scopes.EventsWrite, run.Error);
    }

    [Theory]
    [MemberData(nameof(CampaignCommands))]
    public async Task An_unknown_campaign_exits_5(string[] args)
    {
        using var directory = new TempDirectory();
        var campaign = $"unknown-{Guid.NewGuid():N}";
        var withCampaign = args.Select(arg => arg switch { "c1" => campaign, "unused" => directory.Path, _ => arg }).ToArray();

        var run = await cluster.CtlAsync(withCampaign);

        Assert.Equal(ExitCodes.CampaignNotFound, run.ExitCode);
        Assert.Contains(campaign, run.Error);
    }

    [Fact]
    public async Task An_invalid_campaign_id_exits_6()
    {
        var run = await cluster.CtlAsync(["report", "not a valid id!"]);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("campaign_id", run.Error);
    }
}
