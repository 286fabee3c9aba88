namespace CampaignGrains.Abstractions;

/// <summary>
/// Storage did not take a write. The batch was not acknowledged; the same batch with the same key can
/// be retried safely.
/// </summary>
[GenerateSerializer, Alias("campaigngrains.StatisticsUnavailableException")]
public sealed class StatisticsUnavailableException : Exception
{
    public StatisticsUnavailableException(string message) : base(message) { }

    public StatisticsUnavailableException(string message, Exception inner) : base(message, inner) { }
}
