using AdPilot.E2E.Support;
using AdPilot.Web.Tests.Support;

namespace AdPilot.E2E;

/// <summary>A new user sees the signup gift, buys credits through the simulated checkout and exports the history.</summary>
public sealed class BillingJourneyTests(BrowserFixture browser)
    : LiveAppTests(browser, new AdPilotFactory())
{
    [Fact]
    public async Task NewUser_SeesTheGift_BuysAPackage_AndExportsTheHistory()
    {
        await using var context = await Browser.NewConsentedContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
        var page = await context.NewPageAsync();
        await page.SignInWithDevAsync(Url, "buyer@example.com");

        await page.TestId("nav-billing").ClickAsync();
        await page.WaitForURLAsync("**/billing");
        await Expect(page.TestId("balance-total")).ToHaveTextAsync("100");
        await Expect(page.TestId("balance-gifted")).ToHaveTextAsync("100");
        await Expect(page.TestId("history-row")).ToHaveCountAsync(1);

        await page.TestId("buy-starter").ClickAsync();
        await page.WaitForURLAsync("**/billing/checkout/*");
        await Expect(page.TestId("simulated-checkout")).ToContainTextAsync("$9.99");
        await page.WaitForInteractiveAsync();
        await page.TestId("checkout-pay").ClickAsync();

        await page.WaitForURLAsync("**/billing/result?orderId=*");
        await Expect(page.TestId("result-paid")).ToBeVisibleAsync();
        await page.TestId("result-back").ClickAsync();

        await page.WaitForURLAsync("**/billing");
        await Expect(page.TestId("balance-total")).ToHaveTextAsync("200");
        await Expect(page.TestId("balance-purchased")).ToHaveTextAsync("100");
        await Expect(page.TestId("history-row")).ToHaveCountAsync(2);
        await Expect(page.TestId("history-table")).ToContainTextAsync("Recharge");

        var exportUrl = await page.TestId("export-csv").GetAttributeAsync("href");
        var csv = await page.APIRequest.GetAsync(Url + exportUrl);
        Assert.Equal(200, csv.Status);
        var lines = (await csv.TextAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.Contains(",recharge,100,0,100,200,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CancelledCheckout_LeavesTheBalanceAlone()
    {
        await using var context = await Browser.NewConsentedContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInWithDevAsync(Url, "changed-mind@example.com");
        await page.GotoAsync(Url + "/billing");
        await page.WaitForInteractiveAsync();

        await page.TestId("buy-pro").ClickAsync();
        await page.WaitForURLAsync("**/billing/checkout/*");
        await page.WaitForInteractiveAsync();
        await page.TestId("checkout-cancel").ClickAsync();

        await Expect(page.TestId("result-failed")).ToBeVisibleAsync();
        await page.GotoAsync(Url + "/billing");
        await Expect(page.TestId("balance-total")).ToHaveTextAsync("100");
    }
}
