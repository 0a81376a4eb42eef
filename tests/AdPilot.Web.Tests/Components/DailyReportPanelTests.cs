using AdPilot.Core.DailyReports;
using AdPilot.Core.Notifications;
using AdPilot.Core.Reports;
using AdPilot.Core.Users;
using AdPilot.Web.Features.DailyReports;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace AdPilot.Web.Tests.Components;

/// <summary>Settings > Notifications: the daily report panel links to yesterday's report and sends it on demand.</summary>
public sealed class DailyReportPanelTests : UiTestContext, IAsyncLifetime
{
    private UiDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await UiDatabase.CreateAsync();
        var user = await new UserService(_db.Factory, TimeProvider.System, Options.Create(new AdminOptions()))
            .SignInAsync(new ExternalIdentity(AuthProviders.Dev, "panel@example.com", "panel@example.com", null, null));
        var channels = new NoChannels();
        var notifications = new NotificationService(_db.Factory, TimeProvider.System, channels, channels, NullLogger<NotificationService>.Instance);
        Services.AddSingleton(new DailyReportJob(_db.Factory, notifications, TimeProvider.System, NullLogger<DailyReportJob>.Instance));
        Services.AddSingleton(new ReportQueries(_db.Factory, TimeProvider.System));
        AddAuthorization().SetAuthorized("panel@example.com").SetClaims(new System.Security.Claims.Claim("sub", user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Render<MudPopoverProvider>();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _db.Dispose();
    }

    [Fact]
    public void SendNow_NoNumbersYet_SaysSoAndLinksToYesterday()
    {
        var panel = Render<DailyReportPanel>();
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        panel.WaitForAssertion(() => Assert.EndsWith($"from={yesterday}&to={yesterday}", panel.Find("[data-testid=daily-report-open]").GetAttribute("href")));
        panel.Find("[data-testid=daily-report-send-now]").Click();

        panel.WaitForAssertion(() => Assert.Contains(Services.GetRequiredService<ISnackbar>().ShownSnackbars,
            s => s.Message != null && s.Message.StartsWith("There are no numbers to report yet", StringComparison.Ordinal)));
    }

    private sealed class NoChannels : INotificationPush, INotificationEmailQueue
    {
        public Task PushAsync(long userId, NotificationView notification, CancellationToken ct) => Task.CompletedTask;

        public void Enqueue(long notificationId)
        {
        }
    }
}
