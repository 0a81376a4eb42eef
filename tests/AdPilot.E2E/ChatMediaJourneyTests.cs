using AdPilot.E2E.Support;
using AdPilot.Web.Tests.Support;
using AdPilot.Web.Tests.WebPages;

namespace AdPilot.E2E;

/// <summary>Images and links in the chat: an image picked in the composer is uploaded with progress and scored; a link typed in the message becomes a chip and its page is read.</summary>
public sealed class ChatMediaJourneyTests(BrowserFixture browser)
    : LiveAppTests(browser, AdPilotFactory.With(settings: new Dictionary<string, string?> { ["SafeFetch:TestOnlyAllowedNetworks:0"] = "127.0.0.1/32" }))
{
    [Fact]
    public async Task UploadsAnImage_GetsItsScore_ThenALink_GetsThePageRead()
    {
        await using var pages = await PageServer.ServeAsync();
        var image = Path.Combine(Path.GetTempPath(), $"chat-banner-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(image, TestImages.Png(600, 600));
        try
        {
            await using var context = await Browser.NewConsentedContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
            var page = await context.NewPageAsync();
            await page.SignInWithDevAsync(Url, "chat-media@example.com");
            await page.TestId("chat-launcher").ClickAsync();
            await Expect(page.TestId("chat-empty")).ToBeVisibleAsync();

            await page.TestId("chat-file-input").SetInputFilesAsync(image);
            await Expect(page.TestId("chat-image")).ToHaveAttributeAsync("data-state", "done", new() { Timeout = 30_000 });
            await page.TestId("chat-input").FillAsync("score this creative");
            await page.TestId("chat-input").PressAsync("Enter");
            await Expect(page.TestId("chat-image")).ToHaveCountAsync(0);
            var answers = page.Locator("[data-testid=chat-message][data-role=assistant][data-status=complete]");
            await Expect(answers).ToHaveCountAsync(1);
            await Expect(answers.Nth(0)).ToContainTextAsync("/100");

            await page.TestId("chat-input").FillAsync($"summarise this page {pages.Url("/landing")}");
            await Expect(page.TestId("chat-link")).ToContainTextAsync(pages.Url("/landing"));
            await page.TestId("chat-input").PressAsync("Enter");
            await Expect(answers).ToHaveCountAsync(2);
            await Expect(answers.Nth(1)).ToContainTextAsync("Trail Runner X");
            await Expect(answers.Nth(1)).ToContainTextAsync("Landing-page score");
        }
        finally
        {
            File.Delete(image);
        }
    }
}
