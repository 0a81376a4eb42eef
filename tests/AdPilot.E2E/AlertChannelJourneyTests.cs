using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AdPilot.E2E.Support;
using AdPilot.Web.Tests.Fakes;
using AdPilot.Web.Tests.Support;

namespace AdPilot.E2E;

/// <summary>Settings > Notifications: connect a webhook channel (a local receiver), copy its secret, send a test alert, see it delivered and signed.</summary>
public sealed class AlertChannelJourneyTests(BrowserFixture browser)
    : LiveAppTests(browser, AdPilotFactory.With(settings: new Dictionary<string, string?> { ["SafeFetch:TestOnlyAllowedNetworks:0"] = "127.0.0.1/32" }))
{
    [Fact]
    public async Task ConnectsAWebhook_SendsATestAlert_AndTheReceiverGetsItSigned()
    {
        await using var receiver = await FakeWebhookReceiver.StartNewAsync();
        await using var context = await Browser.NewConsentedContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
        var page = await context.NewPageAsync();
        await page.SignInWithDevAsync(Url, "webhook-journey@example.com");
        await page.GotoAsync(Url + "/settings?tab=notifications");
        await page.WaitForInteractiveAsync();
        await Expect(page.TestId("alert-channels-empty")).ToBeVisibleAsync();

        await page.Field("alert-name").FillAsync("Ops receiver");
        await page.Field("alert-url").FillAsync(receiver.BaseUrl + "/adpilot-hook");
        await page.TestId("alert-create").ClickAsync();
        await Expect(page.TestId("alert-secret")).ToBeVisibleAsync();
        var secret = (await page.TestId("alert-secret-value").InnerTextAsync()).Trim();
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);

        await page.Locator("[data-testid^=alert-channel-]").GetByTestId("alert-test").ClickAsync();
        await Expect(page.TestId("alert-log")).ToBeVisibleAsync();
        for (var i = 0; i < 50 && receiver.Requests.IsEmpty; i++)
        {
            await Task.Delay(200); // the delivery is a background job
        }

        await page.TestId("alert-log-refresh").ClickAsync();
        await Expect(page.TestId("alert-log-status").First).ToHaveTextAsync("Delivered");
        var delivery = Assert.Single(receiver.Requests);
        Assert.Equal("/adpilot-hook", delivery.Path);
        var header = delivery.Headers["X-AdPilot-Signature"].ToString();
        var t = header.Split(',')[0]["t=".Length..];
        var v1 = header.Split(',')[1]["v1=".Length..];
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(t + "." + delivery.Body)));
        Assert.Equal(expected, v1);
        Assert.InRange(long.Parse(t, CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    }
}
