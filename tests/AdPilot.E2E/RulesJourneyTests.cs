using AdPilot.Core.AdAccounts;
using AdPilot.E2E.Support;
using AdPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AdPilot.E2E;

public sealed class RulesJourneyTests(BrowserFixture browser) : LiveAppTests(browser, new AdPilotFactory())
{
    [Fact]
    public async Task User_CreatesARuleWithPreview_RunsIt_AndUndoesItsActionInTheActionLog()
    {
        await using var context = await Browser.NewConsentedContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
        var page = await context.NewPageAsync();
        await page.SignInWithDevAsync(Url, "rules-journey@example.com");
        await page.GotoAsync(Url + "/ad-accounts");
        await page.WaitForInteractiveAsync();
        await page.ConnectSimulatedAdsAsync();
        await WaitForFirstSyncAsync(await page.UserIdAsync());

        await page.GotoAsync(Url + "/rules");
        await page.WaitForInteractiveAsync();
        await page.TestId("rules-template-pause_cpa").ClickAsync();
        await page.WaitForURLAsync("**/rules/new?template=pause_cpa");
        await page.WaitForInteractiveAsync();
        // CPA > 0 and spend > 0 over 3 days: every ad set that spent and converted matches.
        foreach (var i in new[] { 0, 1 })
        {
            await page.TestId("rule-condition-value").Nth(i).FillAsync("0");
            await page.TestId("rule-condition-value").Nth(i).PressAsync("Tab");
        }

        await Expect(page.TestId("rule-preview-row")).Not.ToHaveCountAsync(0);
        await Expect(page.TestId("rule-preview-change").First).ToContainTextAsync("→ paused");

        await page.TestId("rule-save").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/rules/\d+$"));
        await page.WaitForInteractiveAsync();
        await page.TestId("rule-run-now").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Run now" }).ClickAsync();
        await Expect(page.TestId("rule-run")).ToHaveCountAsync(1);
        await page.TestId("rule-run").First.ClickAsync();
        await page.TestId("rule-run-action").First.ClickAsync();

        await page.WaitForURLAsync("**/actions?source=rule**");
        await page.WaitForInteractiveAsync();
        await page.TestId("action-undo").First.ClickAsync();
        await page.TestId("action-undo-confirm").ClickAsync();
        await Expect(page.TestId("action-undone").First).ToBeVisibleAsync();
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
