namespace CampaignGrains.Api.Security;

/// <summary>Per-tenant token buckets. Section "RateLimits" of the configuration.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Ingest batches a tenant may send per period, sustained.</summary>
    public int IngestBatchesPerPeriod { get; set; } = 200;

    /// <summary>Ingest batches a tenant may send at once after a quiet spell.</summary>
    public int IngestBurst { get; set; } = 400;

    /// <summary>Report calls (tabs, reports, watches, listings) a tenant may make per period, sustained.</summary>
    public int ReadsPerPeriod { get; set; } = 100;

    public int ReadBurst { get; set; } = 200;

    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(1);
}
