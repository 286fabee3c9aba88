namespace CampaignGrains.Grains.Directory;

[StatelessWorker, Reentrant]
internal sealed class CampaignDirectoryGrain(ICampaignDirectory directory) : Grain, ICampaignDirectoryGrain
{
    public Task<CampaignPage> ListAsync(int pageSize, string? pageToken, CancellationToken cancellationToken) =>
        directory.ListAsync(this.GetPrimaryKeyString(), pageSize, pageToken, cancellationToken);
}
