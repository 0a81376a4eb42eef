using AdPilot.E2E.Support;
using AdPilot.Web.Tests.Support;
using Microsoft.Playwright;

namespace AdPilot.E2E;

/// <summary>Settings, as a person would: sign another browser out from the Security tab, and upload a profile picture.</summary>
public sealed class SettingsSecurityJourneyTests(BrowserFixture browser) : LiveAppTests(browser, new AdPilotFactory())
{
    [Fact]
    public async Task SecurityTab_ShowsBothBrowsers_SigningTheOtherOutSignsItsOpenPageOut()
    {
        await using var laptop = await Browser.NewConsentedContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
        await using var phone = await Browser.NewConsentedContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
        var here = await laptop.NewPageAsync();
        var there = await phone.NewPageAsync();
        await there.SignInWithDevAsync(Url, "two-browsers@example.com");
        await here.SignInWithDevAsync(Url, "two-browsers@example.com");

        await here.GotoAsync(Url + "/settings?tab=security");
        await here.WaitForInteractiveAsync();
        await Expect(here.TestId("session-row")).ToHaveCountAsync(2);
        await Expect(here.TestId("session-current")).ToHaveCountAsync(1);
        await here.TestId("session-revoke").ClickAsync();
        await here.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();

        await Expect(here.TestId("session-row")).ToHaveCountAsync(1);
        await there.WaitForURLAsync(Url + "/?signedOut=1"); // the open page left on its own, without a reload
        await there.GotoAsync(Url + "/overview");
        await there.WaitForURLAsync("**/login**");
    }

    [Fact]
    public async Task ProfileTab_UploadsACroppedPicture_AndTheAppBarShowsIt()
    {
        await using var context = await Browser.NewConsentedContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
        var page = await context.NewPageAsync();
        await page.SignInWithDevAsync(Url, "avatar-journey@example.com");
        await page.GotoAsync(Url + "/settings");
        await page.WaitForInteractiveAsync();

        await page.TestId("avatar-file").SetInputFilesAsync(new FilePayload { Name = "me.png", MimeType = "image/png", Buffer = TestImages.Noise(300, 200) });
        await page.WaitForFunctionAsync("() => !!document.querySelector('[data-testid=avatar-crop]')?._avatar?.image");
        var crop = page.TestId("avatar-crop");
        await crop.FocusAsync();
        await crop.PressAsync("+");
        await crop.PressAsync("ArrowLeft");
        await page.TestId("avatar-save").ClickAsync();

        await Expect(page.TestId("user-menu").Locator("img")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^/avatars/\\d+/[0-9a-f]{32}-256\\.png$"));
        var src = await page.TestId("user-menu").Locator("img").GetAttributeAsync("src");
        var served = await page.APIRequest.GetAsync(Url + src);
        Assert.Equal("image/png", served.Headers["content-type"]);
    }
}
