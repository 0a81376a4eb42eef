using Microsoft.Playwright;

namespace AdPilot.E2E.Support;

public static class PageExtensions
{
    public static ILocator TestId(this IPage page, string id) => page.GetByTestId(id);

    /// <summary>The input of a MudBlazor field, whichever element the data-testid landed on.</summary>
    public static ILocator Field(this IPage page, string id) =>
        page.Locator($"input[data-testid={id}], [data-testid={id}] input").First;

    /// <summary>A browser context whose visitor already answered the cookie banner (tests of the banner use a plain one).</summary>
    public static async Task<IBrowserContext> NewConsentedContextAsync(this IBrowser browser, BrowserNewContextOptions? options = null)
    {
        var context = await browser.NewContextAsync(options);
        await context.AddInitScriptAsync("localStorage.setItem('adpilot.cookieConsent', JSON.stringify({ choice: 'all', at: '2026-11-26T00:00:00Z' }))");
        return context;
    }

    /// <summary>Waits until the Blazor circuit is live; clicks before that land on prerendered HTML and are lost.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.TestId("interactive").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 20_000 });

    /// <summary>
    /// Clicks a link into a static page (sign-in, error): the interactive router first changes the URL, then reloads
    /// the document, so waiting for the URL alone lets a test type into the page that is about to be replaced.
    /// </summary>
    public static async Task FollowToStaticPageAsync(this IPage page, ILocator link, string path)
    {
        await page.RunAndWaitForResponseAsync(
            () => link.ClickAsync(),
            response => response.Request.ResourceType == "document" && new Uri(response.Url).AbsolutePath == path,
            new PageRunAndWaitForResponseOptions { Timeout = 20_000 });
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    public static async Task SignInWithDevAsync(this IPage page, string baseUrl, string email)
    {
        await page.GotoAsync(baseUrl + "/login");
        await page.TestId("dev-email").FillAsync(email);
        await page.TestId("dev-sign-in").ClickAsync();
        await page.WaitForURLAsync("**/overview");
        await page.WaitForInteractiveAsync();
    }

    /// <summary>The signed-in user's id, asked of the API with the page's own cookie.</summary>
    public static async Task<long> UserIdAsync(this IPage page) =>
        long.Parse(await page.EvaluateAsync<string>("async () => (await (await fetch('/api/v1/users/me')).json()).id.toString()"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>From the open ad accounts page: connects Simulated Ads through its consent page (two accounts).</summary>
    public static async Task ConnectSimulatedAdsAsync(this IPage page)
    {
        await page.TestId("connect-account").ClickAsync();
        await page.TestId("platform-simulated").ClickAsync();
        await page.WaitForURLAsync("**/simulated-platform/authorize**");
        await page.TestId("sim-allow").ClickAsync();
        await page.WaitForURLAsync("**/ad-accounts?connected=2**");
    }
}
