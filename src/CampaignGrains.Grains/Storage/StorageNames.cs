namespace CampaignGrains.Grains.Storage;

public static class StorageNames
{
    /// <summary>The grain storage provider every statistics grain uses.</summary>
    public const string Statistics = "statistics";
}
