using System.IO.Compression;
using AdPilot.Core.Export;
using AdPilot.E2E.Support;
using AdPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AdPilot.E2E;

/// <summary>Settings > Data & privacy: export, watch the progress, download the ZIP and open it.</summary>
public sealed class DataExportJourneyTests(BrowserFixture browser)
    : LiveAppTests(browser, AdPilotFactory.With(services: s => s.AddSingleton<IDataExportQueue>(Held)))
{
    /// <summary>Holds the job until the journey has seen the progress, then the journey runs it (as Hangfire would).</summary>
    private static readonly HeldQueue Held = new();

    [Fact]
    public async Task Export_ShowsProgress_ThenDownloadsAZipThatOpens()
    {
        await using var context = await Browser.NewConsentedContextAsync(new BrowserNewContextOptions { Locale = "en-US", AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await page.SignInWithDevAsync(Url, "export-journey@example.com");
        await page.GotoAsync(Url + "/settings?tab=data");
        await page.WaitForInteractiveAsync();

        await page.TestId("export-start").ClickAsync();
        await Expect(page.TestId("export-progress")).ToBeVisibleAsync();
        await Expect(page.TestId("export-step")).ToContainTextAsync("queued");
        await Services.GetRequiredService<DataExportService>().RunAsync(await Held.Next.Task);

        await Expect(page.TestId("export-download")).ToBeVisibleAsync(new() { Timeout = 15_000 }); // the panel polls
        var download = await page.RunAndWaitForDownloadAsync(() => page.TestId("export-download").ClickAsync());
        var path = await download.PathAsync();
        using var zip = ZipFile.OpenRead(path);
        Assert.NotNull(zip.GetEntry("README.md"));
        using var users = new StreamReader(zip.GetEntry("data/Users.json")!.Open());
        Assert.Contains("export-journey@example.com", await users.ReadToEndAsync(), StringComparison.Ordinal);
    }

    private sealed class HeldQueue : IDataExportQueue
    {
        public TaskCompletionSource<long> Next { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Enqueue(long exportId) => Next.TrySetResult(exportId);
    }
}
