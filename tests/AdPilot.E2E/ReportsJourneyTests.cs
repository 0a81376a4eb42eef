using AdPilot.E2E.Support;
using AdPilot.Web.Tests.Support;

namespace AdPilot.E2E;

public sealed class ReportsJourneyTests(BrowserFixture browser) : LiveAppTests(browser, new AdPilotFactory())
{
    // Passes on its own and in most full runs, but in the full suite under load the dashboard check and the sort
    // navigation have timed out; issue #7 stays open until this journey is made deterministic.
    [Fact(Skip = "Flaky in the full suite under load (see issue #7 notes); run it alone with --filter ReportsJourney.")]
    public async Task NewUser_BindsSimulatedAds_SeesTheDashboard_DrillsDown_AndExports()
    {
        await using var context = await Browser.NewConsentedContextAsync(new BrowserNewContextOptions { Locale = "en-US", AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await page.SignInWithDevAsync(Url, "reports@example.com");
        await Expect(page.TestId("dashboard-empty")).ToBeVisibleAsync();

        await page.TestId("dashboard-connect").ClickAsync();
        await page.WaitForURLAsync("**/ad-accounts");
        await page.WaitForInteractiveAsync();
        await page.TestId("connect-account").ClickAsync();
        await page.TestId("platform-simulated").ClickAsync();
        await page.WaitForURLAsync("**/simulated-platform/authorize**");
        await page.TestId("sim-allow").ClickAsync();
        await page.WaitForURLAsync("**/ad-accounts?connected=2**");

        // The first sync brings ~90 days of history at once.
        await page.GotoAsync(Url + "/overview");
        await page.WaitForInteractiveAsync();
        await Expect(page.TestId("dashboard-day")).ToHaveCountAsync(2, new() { Timeout = 20_000 });
        // Yesterday is a whole day in every time zone; today may have just begun in the account's.
        await Expect(page.TestId("card-spend").Nth(1)).ToContainTextAsync("USD", new() { Timeout = 20_000 });
        await Expect(page.TestId("card-roas").Nth(1)).Not.ToContainTextAsync("—");
        await Expect(page.Locator("#dashboard-trend svg")).ToHaveCountAsync(1);

        await page.GotoAsync(Url + "/reports?range=30");
        await page.WaitForInteractiveAsync();
        await Expect(page.TestId("report-roas")).Not.ToContainTextAsync("—");
        await Expect(page.Locator("#reports-trend svg")).ToHaveCountAsync(1);
        await Expect(page.TestId("row-campaign")).Not.ToHaveCountAsync(0);

        await page.TestId("expand-campaign").First.ClickAsync();
        await Expect(page.TestId("row-ad_set")).Not.ToHaveCountAsync(0);
        await page.TestId("expand-ad_set").First.ClickAsync();
        await Expect(page.TestId("row-ad")).Not.ToHaveCountAsync(0);

        await page.TestId("sort-roas").ClickAsync();
        await page.WaitForURLAsync("**sort=roas**");

        var csv = await page.RunAndWaitForDownloadAsync(() => page.TestId("export-csv").ClickAsync());
        Assert.EndsWith(".csv", csv.SuggestedFilename, StringComparison.Ordinal);
        var csvText = await File.ReadAllTextAsync(await csv.PathAsync());
        Assert.Contains("Spend", csvText, StringComparison.OrdinalIgnoreCase);

        var png = await page.RunAndWaitForDownloadAsync(() => page.TestId("export-png").ClickAsync());
        Assert.EndsWith(".png", png.SuggestedFilename, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(await png.PathAsync());
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], bytes[..4]);
    }
}
