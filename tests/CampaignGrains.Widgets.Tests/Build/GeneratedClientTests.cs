using System.Diagnostics;

namespace CampaignGrains.Widgets.Tests.Build;

public sealed class GeneratedClientTests
{
    /// <summary>The committed TypeScript client is what buf and protoc-gen-es make from today's protos.</summary>
    [Fact]
    public async Task Committed_typescript_client_equals_a_fresh_generation_from_the_protos()
    {
        var start = new ProcessStartInfo("npm", ["run", "--silent", "widgets:check-generated"])
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var check = Process.Start(start)!;
        var output = check.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = check.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await check.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.True(check.ExitCode == 0, $"generated code differs or generation failed:\n{await output}\n{await errors}");
    }
}
