using Microsoft.Playwright;

namespace CampaignGrains.Widgets.Tests.Fixtures;

/// <summary>The demo host page for one campaign, and how tests read the widgets inside it.</summary>
internal sealed class DemoPage(IPage page) : IAsyncDisposable
{
    private static readonly float Patience = 20_000;

    public IPage Page { get; } = page;

    public static async Task<DemoPage> OpenAsync(BrowserFixture fixture, string query)
    {
        var page = await fixture.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1800 } });
        await page.GotoAsync($"{fixture.BaseUrl}/demo/?{query}");
        return new DemoPage(page);
    }

    public ILocator Widget(string id) => Page.Locator($"[data-widget={id}]");

    /// <summary>Waits until every widget on the page has left its loading state.</summary>
    public async Task WaitUntilSettledAsync(string state = "ready")
    {
        await Page.WaitForFunctionAsync(
            "state => { const all = []; const walk = root => { root.querySelectorAll('[data-widget]').forEach(w => { all.push(w); if (w.shadowRoot) walk(w.shadowRoot); }); root.querySelectorAll('*').forEach(e => { if (e.shadowRoot) walk(e.shadowRoot); }); }; walk(document); return all.length > 0 && all.every(w => w.dataset.state === state); }",
            state, new PageWaitForFunctionOptions { Timeout = Patience });
    }

    /// <summary>The exact value behind a number on screen (data-value), as the widget received it.</summary>
    public Task<string?> ValueAsync(string widget, string metric, string? row = null) =>
        (row is null ? Widget(widget).Locator($"[data-metric={metric}]") : Widget(widget).Locator($"tr[data-key=\"{row}\"] td[data-metric={metric}]"))
            .First.GetAttributeAsync("data-value", new LocatorGetAttributeOptions { Timeout = Patience });

    public Task WaitForValueAsync(string widget, string metric, long expected) =>
        Assertions.Expect(Widget(widget).Locator($"[data-metric={metric}]").First)
            .ToHaveAttributeAsync("data-value", expected.ToString(), new LocatorAssertionsToHaveAttributeOptions { Timeout = Patience });

    public async ValueTask DisposeAsync() => await Page.CloseAsync();
}
