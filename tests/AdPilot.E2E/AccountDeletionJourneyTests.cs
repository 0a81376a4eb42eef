using AdPilot.E2E.Support;
using AdPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AdPilot.E2E;

/// <summary>
/// Deleting an account as a person would: the privacy page's promises, Settings > Data &amp; privacy, re-authentication
/// after an old sign-in, the typed DELETE, and the signed-out home page.
/// </summary>
public sealed class AccountDeletionJourneyTests(BrowserFixture browser)
    : LiveAppTests(browser, AdPilotFactory.With(services: s => s.AddSingleton<TimeProvider>(Clock)))
{
    private static readonly LaterClock Clock = new();

    [Fact]
    public async Task PrivacyPage_PromisesWhatSettingsOffers()
    {
        await using var context = await Browser.NewConsentedContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
        var page = await context.NewPageAsync();

        await page.GotoAsync(Url + "/privacy");
        await Expect(page.TestId("privacy-export")).ToContainTextAsync("Settings > Data & privacy");
        await Expect(page.TestId("privacy-export")).ToContainTextAsync("24 hours");
        await Expect(page.TestId("privacy-deletion")).ToContainTextAsync("Settings > Data & privacy");
        await Expect(page.TestId("privacy-kept")).ToContainTextAsync("anonymised");
        await Expect(page.GetByText("coming; until then")).ToHaveCountAsync(0);

        await page.SignInWithDevAsync(Url, "privacy-promises@example.com");
        await page.GotoAsync(Url + "/settings?tab=data");
        await page.WaitForInteractiveAsync();
        await Expect(page.TestId("delete-account-panel")).ToBeVisibleAsync();
        await Expect(page.TestId("delete-kept")).ToContainTextAsync("10 years");
        await Expect(page.TestId("delete-open")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task DeleteAccount_AfterSigningInAgain_LandsOnTheSignedOutHomePage()
    {
        await using var context = await Browser.NewConsentedContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
        var page = await context.NewPageAsync();
        await page.SignInWithDevAsync(Url, "leaving@example.com");
        Clock.Offset += TimeSpan.FromMinutes(11);   // the sign-in is now too old to delete with

        await page.GotoAsync(Url + "/settings?tab=data");
        await page.WaitForInteractiveAsync();
        await Expect(page.TestId("delete-reauth")).ToBeVisibleAsync();
        await page.FollowToStaticPageAsync(page.TestId("delete-sign-in-again"), "/login");
        await page.TestId("dev-email").FillAsync("leaving@example.com");
        await page.TestId("dev-sign-in").ClickAsync();
        await page.WaitForURLAsync("**/settings?tab=data&delete=1");
        await page.WaitForInteractiveAsync();

        var confirm = page.GetByRole(AriaRole.Button, new() { Name = "Delete account permanently" });
        await Expect(confirm).ToBeDisabledAsync();
        await page.Field("delete-word").FillAsync("DELETE");
        await Expect(confirm).ToBeEnabledAsync();
        await confirm.ClickAsync();

        await page.WaitForURLAsync(Url + "/?accountDeleted=1");
        await Expect(page.TestId("account-deleted")).ToBeVisibleAsync();
        await Expect(page.TestId("home-get-started")).ToBeVisibleAsync();
        await page.GotoAsync(Url + "/overview");
        await page.WaitForURLAsync("**/login?returnUrl=%2Foverview");
    }

    /// <summary>The system clock, moved forward by <see cref="Offset"/> (timers keep running in real time).</summary>
    private sealed class LaterClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
    }
}
