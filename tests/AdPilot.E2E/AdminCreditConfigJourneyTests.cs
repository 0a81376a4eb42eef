using AdPilot.E2E.Support;
using AdPilot.Web.Tests.Support;

namespace AdPilot.E2E;

public sealed class AdminCreditConfigJourneyTests(BrowserFixture browser)
    : LiveAppTests(browser, AdPilotFactory.With(settings: new Dictionary<string, string?> { ["Admin:Emails:0"] = "boss@example.com" }))
{
    [Fact]
    public async Task Admin_ChangesTheSignupGift_ConfirmsTheDiff_AndSeesItInTheHistory()
    {
        await using var context = await Browser.NewConsentedContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
        var page = await context.NewPageAsync();
        await page.SignInWithDevAsync(Url, "boss@example.com");

        await page.TestId("nav-admin-credits").ClickAsync();
        await page.WaitForURLAsync("**/admin/credits");
        await Expect(page.TestId("config-version")).ToContainTextAsync("1");
        await page.Field("config-gift").FillAsync("250");
        await page.Field("config-gift").BlurAsync();
        await page.TestId("config-save").ClickAsync();

        await Expect(page.TestId("config-preview")).ToContainTextAsync("signupGift: 100 → 250");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        await Expect(page.TestId("config-version")).ToContainTextAsync("2");
        await Expect(page.TestId("config-change")).ToContainTextAsync("boss@example.com");
    }

    [Fact]
    public async Task NonAdmin_CannotOpenTheConfig()
    {
        await using var context = await Browser.NewConsentedContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInWithDevAsync(Url, "user@example.com");

        await Expect(page.TestId("nav-admin-credits")).ToHaveCountAsync(0);
        await page.GotoAsync(Url + "/admin/credits");
        await page.WaitForURLAsync("**/access-denied**");
    }
}
