using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CampaignGrains.Api.Security;
using CampaignGrains.Api.Tests.Fixtures;

namespace CampaignGrains.Api.Tests.Hosting;

/// <summary>A client in another language, built only from the published .proto files, ingests and reads.</summary>
[Collection(GatewayCollection.Name)]
public sealed class NodeClientTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Node_client_ingests_a_batch_and_reads_the_email_tab()
    {
        var campaign = Calls.NewCampaignId();
        var script = Path.Combine(RepositoryRoot.Path, "tests", "node-client", "ingest-and-report.mjs");
        // The events are stamped by the fixture's statistics clock, not node's: the cluster judges "now" by that clock.
        var eventTime = fixture.StatisticsTime.GetUtcNow().AddMinutes(-1).ToString("O", CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo("node", [script, "--address", $"127.0.0.1:{fixture.Silo.GrpcPort}", "--token", Calls.Token(Calls.Tenant, DevelopmentTokens.DefaultScopes),
            "--campaign", campaign, "--time", eventTime])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.Path,
        };

        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = node.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await node.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.True(node.ExitCode == 0, $"node exited {node.ExitCode}: {await errors}");
        using var json = JsonDocument.Parse(await output);
        var ingest = json.RootElement.GetProperty("ingest");
        Assert.Equal("BATCH_OUTCOME_APPLIED", ingest.GetProperty("outcome").GetString());
        Assert.Equal(4, ingest.GetProperty("accepted").GetInt32());
        var totals = json.RootElement.GetProperty("emailTab").GetProperty("totals");
        Assert.Equal(("1", "1", "1"), (totals.GetProperty("sent").GetString(), totals.GetProperty("delivered").GetString(), totals.GetProperty("opens").GetString()));
    }
}
