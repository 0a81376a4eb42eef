using AdPilot.Core.AdAccounts;
using AdPilot.Core.Agent;
using AdPilot.Core.Credits;
using AdPilot.Core.Data;
using AdPilot.E2E.Support;
using AdPilot.Web.Features.Agent;
using AdPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdPilot.E2E;

/// <summary>
/// A new user talks to the agent (the offline model): from the dashboard, in English and in Chinese, with a tool card
/// and a table; applies a proposed pause, sees it on the campaign page and undoes it; finds the conversation after a
/// reload and on /chat; and, out of credits, is shown the way to recharge. Set ADPILOT_SCREENSHOTS to a folder to keep
/// the README's screenshots.
/// </summary>
public sealed class ChatJourneyTests(BrowserFixture browser) : LiveAppTests(browser, new AdPilotFactory())
{
    private static readonly string? Shots = Environment.GetEnvironmentVariable("ADPILOT_SCREENSHOTS");

    [Fact]
    public async Task NewUser_AsksInEnglishAndChinese_AppliesAndUndoesAPause_FindsTheConversation_AndIsShownRecharge()
    {
        await using var context = await Browser.NewConsentedContextAsync(new BrowserNewContextOptions { Locale = "en-US", ViewportSize = new() { Width = 1366, Height = 860 } });
        var page = await context.NewPageAsync();
        await page.SignInWithDevAsync(Url, "chat-journey@example.com");
        await page.TestId("dashboard-connect").ClickAsync();
        await page.WaitForURLAsync("**/ad-accounts");
        await page.WaitForInteractiveAsync();
        await page.ConnectSimulatedAdsAsync();
        var userId = await page.UserIdAsync();
        await WaitForFirstSyncAsync(userId);

        await page.GotoAsync(Url + "/overview");
        await page.WaitForInteractiveAsync();
        await page.TestId("dashboard-chat").ClickAsync();
        await Expect(page.TestId("chat-window")).ToBeVisibleAsync();
        await Expect(page.TestId("chat-empty")).ToBeVisibleAsync();

        var answers = page.Locator("[data-testid=chat-message][data-role=assistant]");
        await AskAsync(page, "worst ad sets by CPA last 7 days");
        await Expect(answers).ToHaveCountAsync(1);
        await Expect(answers.Nth(0)).ToHaveAttributeAsync("data-status", "complete");
        await Expect(answers.Nth(0).GetByTestId("chat-tool")).ToHaveAttributeAsync("data-state", "done");
        await Expect(answers.Nth(0).GetByTestId("chat-table")).ToBeVisibleAsync();
        await page.TestId("chat-expand").ClickAsync();
        await Expect(page.TestId("chat-window")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("chat-window-expanded"));
        await ShotAsync(page, "chat-window.png");
        await page.TestId("chat-expand").ClickAsync();

        await AskAsync(page, "过去7天CPA最高的广告组");
        await Expect(answers).ToHaveCountAsync(2);
        await Expect(answers.Nth(1)).ToHaveAttributeAsync("data-status", "complete");
        await Expect(answers.Nth(1).GetByTestId("chat-table")).ToBeVisibleAsync();
        await Expect(answers.Nth(1)).ToContainTextAsync("广告组");

        await AskAsync(page, "pause the worst ad set by CPA last 7 days");
        await Expect(answers).ToHaveCountAsync(3);
        var card = answers.Nth(2).GetByTestId("chat-action");
        await Expect(card).ToHaveAttributeAsync("data-status", "proposed");
        await card.GetByTestId("chat-action-apply").ClickAsync();
        await Expect(card.GetByTestId("chat-action-result")).ToBeVisibleAsync();

        var (adSetName, campaignId) = await PausedAdSetAsync(userId);
        await page.GotoAsync($"{Url}/campaigns/{campaignId}");
        await page.WaitForInteractiveAsync();
        var adSet = page.TestId("adset").Filter(new() { HasText = adSetName });
        await Expect(adSet).ToContainTextAsync("Paused");

        // The conversation came along: the window reopens it, and its card undoes the change.
        await page.TestId("chat-launcher").ClickAsync();
        await Expect(answers).ToHaveCountAsync(3);
        await answers.Nth(2).GetByTestId("chat-action-undo").GetByTestId("action-undo").ClickAsync();
        await page.TestId("action-undo-confirm").ClickAsync();
        await Expect(answers.Nth(2).GetByTestId("chat-action-undone")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Expect(adSet).ToContainTextAsync("Active");

        // After the reload the window opens on the same conversation; /chat lists it.
        await page.Keyboard.PressAsync("Control+K");
        await Expect(page.TestId("chat-window")).ToBeVisibleAsync();
        await Expect(answers).ToHaveCountAsync(3);
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.TestId("chat-window")).ToBeHiddenAsync();
        await Expect(page.TestId("chat-launcher")).ToBeFocusedAsync();
        await page.GotoAsync(Url + "/chat");
        await page.WaitForInteractiveAsync();
        await Expect(page.TestId("chat-conversation")).ToHaveCountAsync(1);
        await Expect(page.TestId("chat-conversation")).ToContainTextAsync("worst ad sets by CPA");
        await Expect(answers).ToHaveCountAsync(3);
        await ShotAsync(page, "chat-page.png");

        await DrainCreditsAsync(userId);
        await AskAsync(page, "How much did I spend yesterday?");
        await Expect(page.TestId("chat-failure")).ToHaveAttributeAsync("data-code", "insufficient_credits");
        await Expect(page.TestId("chat-price")).ToContainTextAsync("credits");
        await Expect(page.TestId("chat-balance")).ToContainTextAsync("0.2 credits");
        await page.TestId("chat-recharge").ClickAsync();
        await page.WaitForURLAsync("**/billing");
        await Expect(page.TestId("buy-starter")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task OnAPhone_TheWindowIsFullScreen()
    {
        await using var context = await Browser.NewConsentedContextAsync(new BrowserNewContextOptions
        {
            Locale = "en-US", ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2,
        });
        var page = await context.NewPageAsync();
        await page.SignInWithDevAsync(Url, "chat-phone@example.com");
        await page.TestId("chat-launcher").ClickAsync();
        await AskAsync(page, "Which ad accounts do I have?");
        await Expect(page.Locator("[data-testid=chat-message][data-role=assistant][data-status=complete]")).ToHaveCountAsync(1);

        var box = await page.TestId("chat-window").BoundingBoxAsync();
        Assert.Equal((0f, 0f, 390f, 844f), (box!.X, box.Y, box.Width, box.Height));
        await ShotAsync(page, "chat-phone.png");
        await page.TestId("chat-close").ClickAsync();
        await Expect(page.TestId("chat-window")).ToBeHiddenAsync();
    }

    private static async Task AskAsync(IPage page, string text)
    {
        await page.TestId("chat-input").FillAsync(text);
        await page.TestId("chat-input").PressAsync("Enter");
        await Expect(page.TestId("chat-input")).ToHaveValueAsync("");
    }

    private static async Task ShotAsync(IPage page, string name)
    {
        if (Shots is not null)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, name) });
        }
    }

    /// <summary>The ad set the applied action paused, and its campaign.</summary>
    private async Task<(string Name, long CampaignId)> PausedAdSetAsync(long userId)
    {
        var conversation = (await Services.GetRequiredService<ConversationService>().ListAsync(userId, new ConversationQuery())).Items.Single();
        var action = (await Services.GetRequiredService<AgentActions>().ListAsync(userId, conversation.Id)).Single(a => a.Status == "applied");
        Assert.Equal("ad_set", action.EntityType);
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var campaignId = await db.AdSets.Where(a => a.Id == action.EntityId).Select(a => a.CampaignId).SingleAsync();
        return (action.EntityName, campaignId);
    }

    /// <summary>Leaves 0.2 credits, less than a chat turn's estimate.</summary>
    private async Task DrainCreditsAsync(long userId)
    {
        var credits = Services.GetRequiredService<CreditService>();
        var balance = (await credits.GetBalanceAsync(userId)).Total;
        var tokens = (int)((balance - 0.7m) * 400m); // chat_message: 0.5 plus gpt-4o's 2.5 per 1K input tokens
        await credits.DeductAsync(userId, new DeductRequest { Operation = "chat_message", Model = "gpt-4o", InputTokens = tokens, IdempotencyKey = "drain", ReferenceId = "drain" });
    }

    private async Task WaitForFirstSyncAsync(long userId)
    {
        var accounts = Services.GetRequiredService<AdAccountService>();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while ((await accounts.ListAsync(userId)).Any(a => a.LastSyncedAt is null))
        {
            Assert.True(DateTime.UtcNow < deadline, "The first sync of the bound accounts did not finish within two minutes.");
            await Task.Delay(250);
        }
    }
}
