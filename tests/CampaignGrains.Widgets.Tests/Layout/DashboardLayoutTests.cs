using CampaignGrains.Widgets.Tests.Fixtures;
using Microsoft.Playwright;

namespace CampaignGrains.Widgets.Tests.Layout;

[Collection(BrowserCollection.Name)]
public sealed class DashboardLayoutTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Resize_remove_add_back_and_reset_persist_per_tenant_and_campaign()
    {
        var campaign = await SeededCampaignAsync();
        await using var page = await DemoPage.OpenAsync(fixture, $"campaign={campaign}");
        await page.WaitUntilSettledAsync();
        var slot = page.Page.Locator("[data-slot=top-domains]");

        await slot.Locator("[data-action=size][data-size=l]").ClickAsync();
        await page.Page.Locator("[data-slot=bounce-reasons] [data-action=remove]").ClickAsync();
        await Assertions.Expect(slot).ToHaveAttributeAsync("data-size", "l");
        await Assertions.Expect(page.Page.Locator("[data-slot=bounce-reasons]")).ToHaveCountAsync(0);

        // The layout outlives a reload, stored under this tenant and campaign.
        await page.Page.ReloadAsync();
        await page.WaitUntilSettledAsync();
        await Assertions.Expect(page.Page.Locator("[data-slot=top-domains]")).ToHaveAttributeAsync("data-size", "l");
        await Assertions.Expect(page.Page.Locator("[data-slot=bounce-reasons]")).ToHaveCountAsync(0);
        var stored = await page.Page.EvaluateAsync<string?>($"localStorage.getItem('campaigngrains:layout:{BrowserFixture.Tenant}:{campaign}')");
        Assert.Contains("top-domains", stored);

        await page.Page.Locator("[part=add-menu] summary").First.ClickAsync();
        await page.Page.Locator("[data-action=add][data-add=bounce-reasons]").ClickAsync();
        await Assertions.Expect(page.Page.Locator("[data-slot=bounce-reasons]")).ToHaveCountAsync(1);

        // Removing every widget closes the shared stream.
        var removes = page.Page.Locator("[data-action=remove]");
        while (await removes.CountAsync() > 0) await removes.First.ClickAsync();
        await page.Page.WaitForFunctionAsync("globalThis.campaignWidgets.activeStreams().length === 0");

        await page.Page.Locator("[data-action=reset]").ClickAsync();
        Assert.NotEqual("l", await page.Page.Locator("[data-slot=top-domains]").GetAttributeAsync("data-size"));
        Assert.Null(await page.Page.EvaluateAsync<string?>($"localStorage.getItem('campaigngrains:layout:{BrowserFixture.Tenant}:{campaign}')"));
    }

    [Fact]
    public async Task An_expired_token_shows_its_error_state()
    {
        var campaign = await SeededCampaignAsync();
        var expired = BrowserFixture.Token(TimeSpan.FromMinutes(5), DateTimeOffset.UtcNow.AddHours(-2));

        await using var page = await DemoPage.OpenAsync(fixture, $"campaign={campaign}&token={expired}");
        await page.WaitUntilSettledAsync("unauthenticated");

        await Assertions.Expect(page.Widget("email-sending-statistics").Locator("[part=status]")).ToContainTextAsync("Token expired");
    }

    [Fact]
    public async Task A_campaign_without_events_says_so()
    {
        await using var page = await DemoPage.OpenAsync(fixture, $"campaign=c-{Guid.NewGuid():N}");
        await page.WaitUntilSettledAsync("not-found");

        await Assertions.Expect(page.Widget("campaign-statistics").Locator("[part=status]")).ToContainTextAsync("not found");
    }

    [Theory]
    [InlineData("email")]
    [InlineData("push")]
    public async Task Tab_renders_and_is_captured_as_a_screenshot(string tab)
    {
        var campaign = await SeededCampaignAsync();
        await using var page = await DemoPage.OpenAsync(fixture, $"campaign={campaign}&tab={tab}&window=alltime");
        await page.WaitUntilSettledAsync();

        var path = Path.Combine(RepositoryRoot.Path, "TestResults", "screenshots", $"{tab}-tab.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });

        Assert.True(new FileInfo(path).Length > 10_000, "the screenshot is nearly empty");
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshot: {path}");
    }

    private async Task<string> SeededCampaignAsync()
    {
        var campaign = $"c-{Guid.NewGuid():N}";
        await fixture.IngestAsync(CampaignGenerator.Generate(seed: 5, BrowserFixture.Tenant, campaign, DateTimeOffset.UtcNow, eventCount: 2_000).Batches);
        return campaign;
    }
}
