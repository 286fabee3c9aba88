namespace CampaignGrains.Deployment.Tests.Model;

/// <summary>The checkout the tests run from: where k8s/ and the host projects are.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "CampaignGrains.sln")) &&
                Directory.Exists(System.IO.Path.Combine(dir.FullName, "k8s")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"Could not find the repository root (a directory holding CampaignGrains.sln and k8s/) above '{AppContext.BaseDirectory}'.");
    }
}
