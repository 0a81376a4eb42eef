using AdPilot.Core.AdAccounts;
using AdPilot.E2E.Support;
using AdPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AdPilot.E2E;

public sealed class ReportsJourneyTests(BrowserFixture browser) : LiveAppTests(browser, new AdPilotFactory())
{
    [Fact]
    public async Task NewUser_BindsSimulatedAds_SeesTheDashboard_DrillsDown_AndExports()
    {
        await using var context = await Browser.NewConsentedContextAsync(new BrowserNewContextOptions { Locale = "en-US", AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await page.SignInWithDevAsync(Url, "reports@example.com");
        await Expect(page.TestId("dashboard-empty")).ToBeVisibleAsync();

        await page.TestId("dashboard-connect").ClickAsync();
        await page.WaitForURLAsync("**/ad-accounts");
        await page.WaitForInteractiveAsync();
        await page.ConnectSimulatedAdsAsync();

        // The first sync (a background job queued by the binding) brings ~90 days of history at once; how long it
        // takes depends on the machine's load, so the journey waits for the job itself rather than for a render.
        await WaitForFirstSyncAsync(await page.UserIdAsync());
        await page.GotoAsync(Url + "/overview");
        await page.WaitForInteractiveAsync();
        await Expect(page.TestId("dashboard-day")).ToHaveCountAsync(2);
        // Yesterday is a whole day in every time zone; today may have just begun in the account's.
        await Expect(page.TestId("card-spend").Nth(1)).ToContainTextAsync("USD");
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

        // Sorting re-renders the table (the expanded rows close); the header's arrow says the new order is shown.
        await page.TestId("sort-roas").ClickAsync();
        await Expect(page.TestId("sort-roas")).ToContainTextAsync("▼");
        await Expect(page.TestId("sort-spend")).Not.ToContainTextAsync("▼");
        Assert.Contains("sort=roas", page.Url, StringComparison.Ordinal);

        var csv = await page.RunAndWaitForDownloadAsync(() => page.TestId("export-csv").ClickAsync());
        Assert.EndsWith(".csv", csv.SuggestedFilename, StringComparison.Ordinal);
        var csvText = await File.ReadAllTextAsync(await csv.PathAsync());
        Assert.Contains("Spend", csvText, StringComparison.OrdinalIgnoreCase);

        var png = await page.RunAndWaitForDownloadAsync(() => page.TestId("export-png").ClickAsync());
        Assert.EndsWith(".png", png.SuggestedFilename, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(await png.PathAsync());
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], bytes[..4]);
    }

    private async Task WaitForFirstSyncAsync(long userId)
    {
        var accounts = Services.GetRequiredService<AdAccountService>();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while ((await accounts.ListAsync(userId)).Any(a => a.LastSyncedAt is null))
        {
            Assert.True(DateTime.UtcNow < deadline, "The first sync of the bound accounts did not finish within two minutes. " + JobsState());
            await Task.Delay(250);
        }
    }

    /// <summary>What the host's job server holds, to tell a job never run from one failing or still running.</summary>
    private string JobsState()
    {
        var monitor = Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi();
        var failed = monitor.FailedJobs(0, 10).Select(j => $"{j.Value.Job?.Method.Name}: {j.Value.ExceptionType} {j.Value.ExceptionMessage}");
        // A job waiting for its retry is "scheduled"; its history holds the failure.
        var scheduled = monitor.ScheduledJobs(0, 10).Select(j => $"{j.Value.Job?.Method.Name} at {j.Value.EnqueueAt:O} after " +
            string.Join(" / ", monitor.JobDetails(j.Key).History.Where(h => h.StateName == "Failed")
                .Select(h => $"{Value(h.Data, "ExceptionType")}: {string.Join(" | ", Value(h.Data, "ExceptionDetails").Split('\n').Take(12))}")));
        var servers = monitor.Servers().Select(s => $"{s.Name} workers={s.WorkersCount} heartbeat={s.Heartbeat:O}");
        return $"Enqueued {monitor.EnqueuedCount("default")}, processing {monitor.ProcessingCount()}, succeeded {monitor.SucceededListCount()}; " +
            $"failed [{string.Join("; ", failed)}]; scheduled [{string.Join("; ", scheduled)}]; servers [{string.Join("; ", servers)}].";
    }

    private static string Value(IDictionary<string, string> data, string key) => data.TryGetValue(key, out var value) ? value : "";
}
