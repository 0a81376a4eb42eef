using AdPilot.Core.AdAccounts;
using AdPilot.Core.Platforms.Simulated;
using AdPilot.E2E.Support;
using AdPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AdPilot.E2E;

public sealed class AdAccountJourneyTests(BrowserFixture browser) : LiveAppTests(browser, new AdPilotFactory())
{
    [Fact]
    public async Task NewUser_BindsTheSimulatedPlatform_ThenAFailedRefreshShowsTheBanner_AndReauthorizeClearsIt()
    {
        await using var context = await Browser.NewConsentedContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
        var page = await context.NewPageAsync();
        await page.SignInWithDevAsync(Url, "binder@example.com");

        await page.TestId("nav-ad-accounts").ClickAsync();
        await page.WaitForURLAsync("**/ad-accounts");
        await Expect(page.TestId("accounts-empty")).ToBeVisibleAsync();
        await page.TestId("connect-account").ClickAsync();
        await Expect(page.TestId("platform-meta")).ToContainTextAsync("Not configured on this server");
        await page.TestId("platform-simulated").ClickAsync();

        await page.WaitForURLAsync("**/simulated-platform/authorize**");
        await page.TestId("sim-allow").ClickAsync();
        await page.WaitForURLAsync("**/ad-accounts?connected=2**");
        await page.WaitForInteractiveAsync();
        await Expect(page.TestId("account-row")).ToHaveCountAsync(2);
        await Expect(page.TestId("active-chip")).ToHaveCountAsync(1);
        await Expect(page.GetByText("2 ad accounts connected.")).ToBeVisibleAsync();
        await Expect(page.TestId("token-banner")).ToHaveCountAsync(0);

        // The platform revokes the grant: the token check marks the accounts and the banner appears on every page.
        Services.GetRequiredService<SimulatedFaults>().RefreshFails = true;
        foreach (var account in await Services.GetRequiredService<AdAccountService>().ListAsync(await page.UserIdAsync()))
        {
            await Services.GetRequiredService<AdAccountService>().RefreshTokenAsync(await page.UserIdAsync(), account.Id);
        }

        Services.GetRequiredService<SimulatedFaults>().RefreshFails = false;
        await page.GotoAsync(Url + "/overview");
        await page.WaitForInteractiveAsync();
        await Expect(page.TestId("token-banner")).ToHaveCountAsync(2);
        await Expect(page.TestId("token-banner").First).ToContainTextAsync("needs re-authorisation");
        await Expect(page.TestId("bell-badge")).ToContainTextAsync("2");

        await page.TestId("banner-reauthorize").First.ClickAsync();
        await page.WaitForURLAsync("**/simulated-platform/authorize**");
        await page.TestId("sim-allow").ClickAsync();
        await page.WaitForURLAsync("**/ad-accounts?connected=2**");
        await page.WaitForInteractiveAsync();
        await Expect(page.TestId("token-banner")).ToHaveCountAsync(0);
        await Expect(page.TestId("account-status").First).ToHaveTextAsync("Connected");
    }
}
