using AdPilot.E2E.Support;
using AdPilot.Web.Tests.Support;

namespace AdPilot.E2E;

/// <summary>
/// The chat when the connection drops: the status dot and the banner, Blazor's reconnection with the plan's numbers
/// (1 s, 2 s, 4 s, three attempts, then "Connection lost"), messages typed offline queued in the browser (at most 10),
/// and sent once the manual retry has reconnected.
/// </summary>
public sealed class ChatConnectionJourneyTests(BrowserFixture browser) : LiveAppTests(browser, new AdPilotFactory())
{
    [Fact]
    public async Task ConnectionDrops_ReconnectsThreeTimes_ThenLost_QueuesTen_AndSendsThemAfterRetry()
    {
        await using var context = await Browser.NewConsentedContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
        var page = await context.NewPageAsync();
        // The circuit's connection goes through Playwright, so the test can drop it and refuse new ones (the browser's
        // offline switch leaves open WebSockets alone).
        var offline = false;
        IWebSocketRoute? circuit = null;
        await page.RouteWebSocketAsync("**/_blazor**", ws =>
        {
            if (offline)
            {
                _ = ws.CloseAsync();
                return;
            }

            circuit = ws;
            ws.ConnectToServer();
        });
        await page.RouteAsync("**/_blazor/negotiate**", route => offline ? route.AbortAsync() : route.ContinueAsync());
        await page.SignInWithDevAsync(Url, "offline-chat@example.com");
        await page.TestId("chat-launcher").ClickAsync();
        await Expect(page.TestId("chat-window")).ToBeVisibleAsync();
        await Expect(page.TestId("chat-input")).ToBeFocusedAsync();
        var delays = await page.EvaluateAsync<int[]>("adpilotChat.delays");
        Assert.Equal(new[] { 1000, 2000, 4000 }, delays);

        offline = true;
        var dropped = System.Diagnostics.Stopwatch.StartNew();
        await circuit!.CloseAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-connection", "reconnecting");
        await Expect(page.TestId("connection-banner")).ToContainTextAsync("Reconnecting");
        await Expect(page.Locator("#components-reconnect-max-retries")).ToHaveTextAsync("3");
        await Expect(page.TestId("connection-lost")).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 20_000 });
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-connection", "lost");
        Assert.True(dropped.Elapsed >= TimeSpan.FromSeconds(6.5), $"Lost after {dropped.Elapsed}: the attempts wait 1 s, 2 s and 4 s first.");
        Assert.Equal("3", await page.Locator("#components-reconnect-current-attempt").TextContentAsync());

        for (var i = 1; i <= 11; i++)
        {
            await page.TestId("chat-input").FillAsync($"offline question {i}");
            await page.TestId("chat-input").PressAsync("Enter");
        }

        await Expect(page.TestId("connection-queued")).ToContainTextAsync("10 message(s)");
        await Expect(page.TestId("connection-queue-full")).ToContainTextAsync("At most 10");
        await Expect(page.TestId("chat-input")).ToHaveValueAsync("offline question 11"); // refused, so kept

        offline = false;
        await page.TestId("connection-retry").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-connection", "up");
        await Expect(page.TestId("connection-banner")).ToBeHiddenAsync();

        // The ten queued messages go one after another: ten questions, ten answers.
        await Expect(page.Locator("[data-testid=chat-message][data-role=user]")).ToHaveCountAsync(10, new() { Timeout = 60_000 });
        await Expect(page.Locator("[data-testid=chat-message][data-role=assistant][data-status=complete]")).ToHaveCountAsync(10, new() { Timeout = 60_000 });
        await Expect(page.Locator("[data-testid=chat-message][data-role=user]").Last).ToContainTextAsync("offline question 10");
        Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('adpilot.chat.queue')"));
    }
}
