using AdPilot.Core.Notifications;
using AdPilot.Core.Users;
using AdPilot.Web.Features.Notifications;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace AdPilot.Web.Tests.Components;

public sealed class NotificationSwitchesTests : UiTestContext, IAsyncLifetime
{
    private UiDatabase _database = null!;
    private NotificationService _notifications = null!;
    private long _userId;

    public async Task InitializeAsync()
    {
        _database = await UiDatabase.CreateAsync();
        var users = new UserService(_database.Factory, TimeProvider.System, Options.Create(new AdminOptions()));
        _userId = (await users.SignInAsync(new ExternalIdentity(AuthProviders.Dev, "n@example.com", "n@example.com", "Noa", null))).Id;
        _notifications = new NotificationService(_database.Factory, TimeProvider.System, new NoPush(), new NoQueue(), NullLogger<NotificationService>.Instance);
        Services.AddSingleton(_notifications);
        // The tab's other panels (daily report, Slack and webhooks) have tests of their own.
        ComponentFactories.AddStub<AdPilot.Web.Features.DailyReports.DailyReportPanel>();
        ComponentFactories.AddStub<AdPilot.Web.Features.Alerts.AlertChannelsPanel>();
        AddAuthorization().SetAuthorized("n@example.com").SetClaims(new System.Security.Claims.Claim("sub", _userId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task EmailSwitch_TurnedOff_IsSavedAtOnce_AndTheNoteExplainsUrgentStillGoes()
    {
        var tab = Render<NotificationPreferencesTab>();
        tab.WaitForAssertion(() => Assert.NotNull(tab.Find("[data-testid=notification-switches]")));
        Assert.Empty(tab.FindAll("[data-testid=switch-off-note]"));

        var email = tab.FindComponents<MudSwitch<bool>>().Single(s => s.Instance.UserAttributes.TryGetValue("data-testid", out var id) && (string?)id == "switch-email");
        await tab.InvokeAsync(() => email.Instance.ValueChanged.InvokeAsync(false));

        tab.WaitForAssertion(() => Assert.NotNull(tab.Find("[data-testid=switch-off-note]")));
        var stored = await _notifications.GetSettingsAsync(_userId);
        Assert.Equal((true, false), (stored.InApp, stored.Email));
        Assert.Equal(NotificationChannels.InApp, await _notifications.ChannelsForAsync(_userId, NotificationType.General, NotificationCategories.ReportReady));
        Assert.Equal(NotificationChannels.Both, await _notifications.ChannelsForAsync(_userId, NotificationType.Urgent, NotificationCategories.ReportReady));
    }

    private sealed class NoPush : INotificationPush
    {
        public Task PushAsync(long userId, NotificationView notification, CancellationToken ct) => Task.CompletedTask;
    }

    private sealed class NoQueue : INotificationEmailQueue
    {
        public void Enqueue(long notificationId)
        {
        }
    }
}
