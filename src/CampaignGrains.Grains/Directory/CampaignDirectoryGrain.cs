namespace CampaignGrains.Grains.Directory;

[StatelessWorker, Reentrant]
internal sealed class CampaignDirectoryGrain(ICampaignDirectory directory) : Grain, ICampaignDirectoryGrain
{
    public Task<CampaignPage> ListAsync(int pageSize, string? afterCampaignId, CancellationToken cancellationToken) =>
        directory.ListAsync(this.GetPrimaryKeyString(), pageSize, afterCampaignId, cancellationToken);
}
