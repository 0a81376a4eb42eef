using AdPilot.E2E.Support;
using AdPilot.Web.Tests.Fakes;
using AdPilot.Web.Tests.Support;

namespace AdPilot.E2E;

/// <summary>Sign in with Google in a real browser, against the local fake Google.</summary>
public sealed class GoogleSignInJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private FakeGoogle _google = null!;
    private AdPilotFactory _factory = null!;
    private string _url = "";

    public async Task InitializeAsync()
    {
        _google = await FakeGoogle.StartAsync();
        _factory = AdPilotFactory.With("Production", _google.Settings());
        _url = LiveApp.Start(_factory);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _google.DisposeAsync();
    }

    [Fact]
    public async Task SignInWithGoogle_LandsSignedInWithTheGoogleProfile()
    {
        _google.NextUser = new GoogleUser("g-e2e", "lin@example.com", "Lin Wei");
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(_url + "/login");
        await Expect(page.TestId("dev-sign-in-form")).ToHaveCountAsync(0);
        await page.TestId("google-sign-in").ClickAsync();

        await page.WaitForURLAsync(_url + "/overview");
        await page.WaitForInteractiveAsync();
        await Expect(page.TestId("overview-title")).ToContainTextAsync("Lin Wei");
        await Expect(page.TestId("overview-email")).ToHaveTextAsync("lin@example.com");
    }
}
