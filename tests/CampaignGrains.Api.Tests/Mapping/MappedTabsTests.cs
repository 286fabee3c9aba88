using CampaignGrains.Abstractions;
using CampaignGrains.Api.Mapping;

namespace CampaignGrains.Api.Tests.Mapping;

public sealed class MappedTabsTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_tab_is_mapped_once_and_an_equal_but_new_tab_is_mapped_afresh()
    {
        var span = new ReportSpan(ReportWindow.AllTime, Day, Day.AddDays(1), TimeSpan.FromDays(1), Day, Day.AddDays(1));
        var tab = new CampaignTab(span, Entered: 10, Excluded: 1, Delivered: 8, Errors: 1, [Channel.Email]);

        var first = MappedTabs.Of(tab);

        Assert.Same(first, MappedTabs.Of(tab));
        Assert.Equal(10, first.Entered);
        var next = MappedTabs.Of(tab with { Delivered = 9 });
        Assert.NotSame(first, next);
        Assert.Equal(9, next.Delivered);
    }
}
