using AdPilot.Core.Notifications;
using AdPilot.E2E.Support;
using AdPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AdPilot.E2E;

public sealed class NotificationJourneyTests(BrowserFixture browser) : LiveAppTests(browser, new AdPilotFactory())
{
    [Fact]
    public async Task Bell_CountsUnread_OpensTheLatest_AndThePageMarksAllRead()
    {
        await using var context = await Browser.NewConsentedContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
        var page = await context.NewPageAsync();
        await page.SignInWithDevAsync(Url, "bell@example.com");
        var userId = long.Parse(await page.EvaluateAsync<string>("async () => (await (await fetch('/api/v1/users/me')).json()).id.toString()"), System.Globalization.CultureInfo.InvariantCulture);
        var service = Services.GetRequiredService<NotificationService>();
        await service.CreateAsync(userId, new CreateNotificationRequest { Title = "Token expired for Meta", Type = NotificationType.Urgent, Category = NotificationCategories.TokenExpired, Link = "/settings" });
        await service.CreateAsync(userId, new CreateNotificationRequest { Title = "Weekly report ready", Category = NotificationCategories.ReportReady });

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Expect(page.TestId("bell-badge")).ToContainTextAsync("2");
        await page.TestId("bell").ClickAsync();
        await Expect(page.TestId("bell-item")).ToHaveCountAsync(2);
        await Expect(page.TestId("bell-item").First).ToContainTextAsync("Weekly report ready"); // newest first
        await page.TestId("bell-item").Filter(new() { HasText = "Token expired" }).ClickAsync();
        await page.WaitForURLAsync("**/settings");

        await page.GotoAsync(Url + "/notifications?read=unread");
        await page.WaitForInteractiveAsync();
        await Expect(page.TestId("notification-row")).ToHaveCountAsync(1);
        await page.TestId("mark-all-read").ClickAsync();
        await Expect(page.TestId("notifications-empty")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ANotificationCreatedElsewhere_AppearsInTheOpenPage_WithoutReload()
    {
        await using var context = await Browser.NewConsentedContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
        var page = await context.NewPageAsync();
        await page.SignInWithDevAsync(Url, "live@example.com");
        var userId = long.Parse(await page.EvaluateAsync<string>("async () => (await (await fetch('/api/v1/users/me')).json()).id.toString()"), System.Globalization.CultureInfo.InvariantCulture);
        await page.GotoAsync(Url + "/notifications");
        await page.WaitForInteractiveAsync();
        await Expect(page.Locator("html[data-notifications-live='1']")).ToHaveCountAsync(1);
        await Expect(page.TestId("notifications-empty")).ToBeVisibleAsync();
        await Expect(page.TestId("bell-badge").Locator(".mud-badge")).ToBeHiddenAsync();

        var service = Services.GetRequiredService<NotificationService>();
        await service.CreateAsync(userId, new CreateNotificationRequest { Title = "Campaign Spring could not be synced", Type = NotificationType.Important, Category = NotificationCategories.SyncFailed });
        await service.CreateAsync(userId, new CreateNotificationRequest { Title = "Weekly report ready", Category = NotificationCategories.ReportReady });

        await Expect(page.TestId("bell-badge")).ToContainTextAsync("2");
        await Expect(page.TestId("notification-row")).ToHaveCountAsync(2);
        await Expect(page.GetByText("🟡 Campaign Spring could not be synced").First).ToBeVisibleAsync(); // the toast
        await page.TestId("bell").ClickAsync();
        await Expect(page.TestId("bell-item").First).ToContainTextAsync("Weekly report ready");
    }
}
