using CampaignGrains.Grains.Reports;

namespace CampaignGrains.Grains.Tests.Reports;

public sealed class TabCacheTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 1, 0, TimeSpan.Zero);

    [Fact]
    public void A_tab_is_built_again_only_when_the_statistics_change_or_the_five_minute_bucket_moves()
    {
        var cache = new TabCache<string>();
        var builds = 0;
        string Build() => $"tab {++builds}";

        Assert.Equal("tab 1", cache.Get(ReportWindow.Last24Hours, version: 7, Now, Build));
        Assert.Equal("tab 1", cache.Get(ReportWindow.Last24Hours, version: 7, Now.AddMinutes(3), Build));
        Assert.Equal("tab 2", cache.Get(ReportWindow.AllTime, version: 7, Now, Build));
        Assert.Equal("tab 3", cache.Get(ReportWindow.Last24Hours, version: 8, Now, Build));
        Assert.Equal("tab 4", cache.Get(ReportWindow.Last24Hours, version: 8, Now.AddMinutes(4), Build));
        Assert.Equal("tab 4", cache.Get(ReportWindow.Last24Hours, version: 8, Now.AddMinutes(5), Build));
        Assert.Equal(4, builds);
    }
}
