using AdPilot.E2E.Support;
using AdPilot.Web.Tests.Support;

namespace AdPilot.E2E;

public sealed class CreativeCampaignJourneyTests(BrowserFixture browser) : LiveAppTests(browser, new AdPilotFactory())
{
    [Fact]
    public async Task UploadTwoCreatives_CreateACampaignWithOne_SeeItInTheList_AndPauseIt()
    {
        await using var context = await Browser.NewConsentedContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
        var page = await context.NewPageAsync();
        await page.SignInWithDevAsync(Url, "marketer@example.com");
        await BindSimulatedAsync(page);

        // Two uploads, each with its own progress bar, straight to storage through presigned PUTs.
        var folder = Directory.CreateTempSubdirectory("adpilot-e2e-").FullName;
        var square = Path.Combine(folder, "spring-square.png");
        var story = Path.Combine(folder, "spring-story.png");
        await File.WriteAllBytesAsync(square, TestImages.Png(1080, 1080));
        await File.WriteAllBytesAsync(story, TestImages.Png(1080, 1920));
        await page.GotoAsync(Url + "/creatives");
        await page.WaitForInteractiveAsync();
        await Expect(page.TestId("creatives-empty")).ToBeVisibleAsync();
        await page.TestId("file-input").SetInputFilesAsync([square, story]);
        await Expect(page.TestId("upload-item")).ToHaveCountAsync(2);
        await Expect(page.TestId("upload-progress")).ToHaveCountAsync(2);
        await Expect(page.TestId("upload-state").Filter(new() { HasText = "Added" })).ToHaveCountAsync(2, new() { Timeout = 20_000 });
        await Expect(page.TestId("creative-card")).ToHaveCountAsync(2);
        await Expect(page.TestId("score").First).ToBeVisibleAsync();

        // The detail dialog shows the score's reasons.
        await page.TestId("creative-card").Filter(new() { HasText = "spring-square" }).ClickAsync();
        await Expect(page.TestId("score-reasons").Locator("li").First).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");

        // The wizard: objective → targeting → budget → creative and landing page → review.
        await page.GotoAsync(Url + "/campaigns/new");
        await page.WaitForInteractiveAsync();
        await page.Field("wizard-name").FillAsync("Tulip launch");
        await page.TestId("wizard-next").ClickAsync();
        await page.TestId("wizard-next").ClickAsync();
        await page.Field("wizard-budget").FillAsync("75");
        await page.TestId("wizard-next").ClickAsync();
        await page.TestId("wizard-creative").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "spring-square" }).ClickAsync();
        await page.Field("wizard-headline").FillAsync("Spring is here");
        await page.Field("wizard-landing").FillAsync("https://shop.example/spring");
        await page.TestId("wizard-next").ClickAsync();
        await Expect(page.TestId("wizard-review")).ToContainTextAsync("Tulip launch");
        await Expect(page.TestId("wizard-review")).ToContainTextAsync("75.00 USD/day");
        await page.TestId("wizard-activate").ClickAsync();
        await page.TestId("wizard-create").ClickAsync();

        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/campaigns/\d+$"));
        await Expect(page.TestId("campaign-name")).ToHaveTextAsync("Tulip launch");
        await Expect(page.TestId("detail-status")).ToHaveTextAsync("Active");
        await Expect(page.TestId("ad")).ToContainTextAsync("Spring is here");

        await page.GotoAsync(Url + "/campaigns");
        await page.WaitForInteractiveAsync();
        var row = page.Locator("tr").Filter(new() { Has = page.TestId("campaign-row").Filter(new() { HasText = "Tulip launch" }) });
        await Expect(row.GetByTestId("campaign-sync")).ToHaveTextAsync("Synced");
        await row.GetByTestId("campaign-pause").ClickAsync();
        await Expect(row.GetByTestId("campaign-status")).ToHaveTextAsync("Paused");
        Directory.Delete(folder, recursive: true);
    }

    private async Task BindSimulatedAsync(IPage page)
    {
        await page.GotoAsync(Url + "/ad-accounts");
        await page.WaitForInteractiveAsync();
        await page.ConnectSimulatedAdsAsync();
    }
}
