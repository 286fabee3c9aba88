namespace CampaignGrains.Testing;

/// <summary>The checkout the tests run from: where node_modules, protos and the scripts are.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "package.json")) &&
                File.Exists(System.IO.Path.Combine(dir.FullName, "CampaignGrains.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"Could not find the repository root (a directory containing package.json and CampaignGrains.sln) above '{AppContext.BaseDirectory}'.");
    }
}
