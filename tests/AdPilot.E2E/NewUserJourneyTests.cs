using AdPilot.E2E.Support;
using AdPilot.Web.Tests.Support;
using Microsoft.Playwright;

namespace AdPilot.E2E;

/// <summary>A new user, as a person would: home page, sign-in, the shell, the profile, sign-out.</summary>
public sealed class NewUserJourneyTests(BrowserFixture browser)
    : LiveAppTests(browser, new AdPilotFactory())
{
    [Fact]
    public async Task NewUser_SignsIn_SeesTheShell_EditsTheProfile_AndSignsOut()
    {
        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
        var page = await context.NewPageAsync();

        await page.GotoAsync(Url + "/");
        await Expect(page.TestId("home-hero")).ToBeVisibleAsync();
        await Expect(page.TestId("cookie-consent")).ToBeVisibleAsync();
        await page.TestId("cookie-accept").ClickAsync();
        await Expect(page.TestId("cookie-consent")).ToBeHiddenAsync();

        await page.FollowToStaticPageAsync(page.TestId("home-get-started"), "/login");
        await page.TestId("dev-email").FillAsync("newcomer@example.com");
        await Expect(page.TestId("dev-email")).ToHaveValueAsync("newcomer@example.com");
        await page.TestId("dev-sign-in").ClickAsync();
        await page.WaitForURLAsync("**/overview");
        await page.WaitForInteractiveAsync();
        await Expect(page.TestId("overview-title")).ToContainTextAsync("newcomer@example.com");
        await Expect(page.TestId("nav")).ToContainTextAsync("Settings");
        await Expect(page.TestId("cookie-consent")).ToBeHiddenAsync();

        await page.TestId("nav").GetByText("Settings").ClickAsync();
        await page.WaitForURLAsync("**/settings");
        var name = page.Field("profile-name");
        await name.FillAsync("Nora Newcomer");
        var zone = page.Field("profile-timezone");
        await zone.FillAsync("Europe/Par");
        await page.GetByRole(AriaRole.Option, new() { Name = "Europe/Paris" }).ClickAsync();
        await Expect(zone).ToHaveValueAsync("Europe/Paris");   // the choice reached the server before saving
        await page.TestId("profile-save").ClickAsync();
        await Expect(page.GetByText("Profile saved.")).ToBeVisibleAsync();

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Expect(page.Field("profile-name")).ToHaveValueAsync("Nora Newcomer");
        await Expect(page.Field("profile-timezone")).ToHaveValueAsync("Europe/Paris");

        await page.TestId("user-menu").ClickAsync();
        await page.TestId("sign-out").ClickAsync();
        await page.WaitForURLAsync(Url + "/?signedOut=1");
        await Expect(page.TestId("sign-in-link")).ToBeVisibleAsync();

        await page.GotoAsync(Url + "/overview");
        await page.WaitForURLAsync("**/login?returnUrl=%2Foverview");
    }

    private static Task<string> BackgroundAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");

    [Fact]
    public async Task SignOutEverywhere_AfterConfirming_EndsTheSessionOnTheOtherDeviceToo()
    {
        await using var laptop = await Browser.NewConsentedContextAsync();
        var page = await laptop.NewPageAsync();
        await page.SignInWithDevAsync(Url, "two-devices@example.com");
        await using var phone = await Browser.NewConsentedContextAsync();
        var other = await phone.NewPageAsync();
        await other.SignInWithDevAsync(Url, "two-devices@example.com");

        await page.TestId("user-menu").ClickAsync();
        await page.TestId("sign-out-everywhere").ClickAsync();
        await Expect(page.GetByText("Sign out on every device?")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out everywhere" }).ClickAsync();

        await page.WaitForURLAsync(Url + "/?signedOut=1");
        await other.GotoAsync(Url + "/overview");
        await other.WaitForURLAsync("**/login?returnUrl=%2Foverview");
    }

    [Fact]
    public async Task ChangingTheLanguage_SwitchesTheWholeUiToChinese()
    {
        await using var context = await Browser.NewConsentedContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInWithDevAsync(Url, "lang@example.com");
        await page.GotoAsync(Url + "/settings");
        await page.WaitForInteractiveAsync();

        await page.TestId("profile-language").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "简体中文" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Option, new() { Name = "简体中文" })).ToBeHiddenAsync();
        await Expect(page.TestId("profile-language")).ToContainTextAsync("简体中文");
        await page.TestId("profile-save").ClickAsync();

        await page.WaitForURLAsync("**/settings?saved=1");
        await page.WaitForInteractiveAsync();
        await Expect(page.TestId("nav")).ToContainTextAsync("设置");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await page.GotoAsync(Url + "/terms");
        await Expect(page.TestId("legal-page")).ToContainTextAsync("服务条款");
    }

    [Fact]
    public async Task ProtectedPage_RedirectsToLogin_AndBackAfterSignIn()
    {
        await using var context = await Browser.NewConsentedContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(Url + "/settings");
        await page.WaitForURLAsync("**/login?returnUrl=%2Fsettings");
        await page.TestId("dev-email").FillAsync("returning@example.com");
        await page.TestId("dev-sign-in").ClickAsync();

        await page.WaitForURLAsync(Url + "/settings");
        await Expect(page.TestId("profile-form")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task OnAPhone_TheMenuToggleOpensTheSidebar_AndTheThemeToggleSticks()
    {
        await using var context = await Browser.NewConsentedContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        var page = await context.NewPageAsync();
        await page.SignInWithDevAsync(Url, "phone@example.com");
        var background = await BackgroundAsync(page);

        await page.TestId("theme-toggle").ClickAsync();
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        Assert.Equal("dark", await page.EvaluateAsync<string>("() => localStorage.getItem('adpilot.theme')"));
        Assert.NotEqual(background, await BackgroundAsync(page));

        await Expect(page.TestId("nav")).Not.ToBeInViewportAsync();
        await page.TestId("menu-toggle").ClickAsync();
        await Expect(page.TestId("nav")).ToBeInViewportAsync();
    }
}
