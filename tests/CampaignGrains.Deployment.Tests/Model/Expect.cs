namespace CampaignGrains.Deployment.Tests.Model;

internal static class Expect
{
    /// <summary>Fails with every problem on its own line (Assert.Empty would cut them short).</summary>
    public static void None(IEnumerable<string> problems)
    {
        var list = problems.ToList();
        Assert.True(list.Count == 0, $"{list.Count} problem(s):{Environment.NewLine}{string.Join(Environment.NewLine, list)}");
    }
}
