using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CampaignGrains.Api.Security;

/// <summary>One token bucket per tenant and kind of call, so one tenant's load cannot starve another's.</summary>
public sealed class TenantRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _ingest;
    private readonly PartitionedRateLimiter<string> _reads;

    public TenantRateLimiter(IOptions<RateLimitOptions> options)
    {
        var limits = options.Value;
        _ingest = Buckets(limits.IngestBatchesPerPeriod, limits.IngestBurst, limits.Period);
        _reads = Buckets(limits.ReadsPerPeriod, limits.ReadBurst, limits.Period);
    }

    /// <summary>Takes one permit, or says how long until one is due.</summary>
    public bool TryAcquire(string tenant, bool ingest, out TimeSpan retryAfter)
    {
        using var lease = (ingest ? _ingest : _reads).AttemptAcquire(tenant);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
        return lease.IsAcquired;
    }

    public void Dispose()
    {
        _ingest.Dispose();
        _reads.Dispose();
    }

    private static PartitionedRateLimiter<string> Buckets(int perPeriod, int burst, TimeSpan period) =>
        PartitionedRateLimiter.Create<string, string>(tenant => RateLimitPartition.GetTokenBucketLimiter(tenant, _ => new TokenBucketRateLimiterOptions
        {
            TokensPerPeriod = perPeriod,
            TokenLimit = burst,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
