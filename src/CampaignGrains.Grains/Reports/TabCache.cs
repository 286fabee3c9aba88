namespace CampaignGrains.Grains.Reports;

/// <summary>
/// The last tab built for each window, served again while neither the statistics (their version) nor the
/// current five-minute bucket changed: a window's span and buckets move only with that bucket, so between
/// changes a read is a lookup that builds and allocates nothing. Tabs are immutable, so callers share one.
/// </summary>
internal sealed class TabCache<TTab> where TTab : class
{
    private readonly Dictionary<ReportWindow, (long Version, long Bucket, TTab Tab)> _tabs = [];

    public TTab Get(ReportWindow window, long version, DateTimeOffset now, Func<TTab> build)
    {
        var bucket = TimeBuckets.IndexOf(now, TimeBuckets.Live);
        if (_tabs.TryGetValue(window, out var cached) && cached.Version == version && cached.Bucket == bucket) return cached.Tab;
        var tab = build();
        _tabs[window] = (version, bucket, tab);
        return tab;
    }
}
