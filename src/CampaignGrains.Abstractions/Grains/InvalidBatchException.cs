namespace CampaignGrains.Abstractions;

/// <summary>The batch as a whole is unusable (bad tenant, key or size); no event of it was looked at.</summary>
/// <param name="Field">The offending batch field, snake_case as in the API.</param>
[GenerateSerializer, Alias("campaigngrains.InvalidBatchException")]
public sealed class InvalidBatchException(string field, string message) : Exception(message)
{
    [Id(0)]
    public string Field { get; } = field;
}
