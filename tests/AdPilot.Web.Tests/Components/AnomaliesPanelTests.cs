using AdPilot.Core.AdAccounts;
using AdPilot.Core.Anomalies;
using AdPilot.Core.Notifications;
using AdPilot.Core.Users;
using AdPilot.Web.Features.Anomalies;
using AdPilot.Web.Tests.Anomalies;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AdPilot.Web.Tests.Components;

/// <summary>The reports page's anomalies section over the real service: numbers, range, link, empty state, muting.</summary>
public sealed class AnomaliesPanelTests : UiTestContext, IAsyncLifetime
{
    private UiDatabase _db = null!;
    private long _userId;
    private long _accountId;

    public async Task InitializeAsync()
    {
        _db = await UiDatabase.CreateAsync();
        await using var context = await _db.Factory.CreateDbContextAsync();
        var user = new User { Email = "panel@example.com", Subject = "panel", AuthProvider = AuthProviders.Dev };
        context.Users.Add(user);
        await context.SaveChangesAsync();
        var account = new AdAccount { UserId = user.Id, Name = "Simulated Store", PlatformAccountId = "sim-1-1", Currency = "USD" };
        context.AdAccounts.Add(account);
        await context.SaveChangesAsync();
        (_userId, _accountId) = (user.Id, account.Id);
        var notifications = new NotificationService(_db.Factory, TimeProvider.System, new NoChannels(), new NoChannels(), NullLogger<NotificationService>.Instance);
        Services.AddSingleton(new AnomalyService(_db.Factory, notifications, TimeProvider.System, Options.Create(new AnomalyOptions()), NullLogger<AnomalyService>.Instance));
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _db.Dispose();
    }

    [Fact]
    public async Task OpenAnomalies_ShowNumbersRangeAndLink_AndMutingStoresAMute()
    {
        await AnomalySeed.EpisodeAsync(_db.Factory, _userId, _accountId);
        await AnomalySeed.EpisodeAsync(_db.Factory, _userId, _accountId, type: AnomalyTypes.RoasDrop, resolved: true);

        var popovers = Render<MudBlazor.MudPopoverProvider>();
        var panel = Render<AnomaliesPanel>(p => p.Add(c => c.UserId, _userId).Add(c => c.AdAccountId, _accountId));
        panel.WaitForAssertion(() => Assert.Single(panel.FindAll("[data-testid=anomaly-row]")));

        var row = panel.Find("[data-testid=anomaly-row]");
        Assert.Contains("Spend pacing", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Urgent", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("412.50 USD", panel.Find("[data-testid=anomaly-observed]").TextContent, StringComparison.Ordinal);
        Assert.Contains("59.20 USD – 168.90 USD", row.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/reports?account={_accountId}", panel.Find("[data-testid=anomaly-link]").GetAttribute("href"));

        panel.Find("[data-testid=anomaly-mute] button").Click();
        popovers.WaitForAssertion(() => popovers.Find("[data-testid=mute-type-here]").Click());
        await using var context = await _db.Factory.CreateDbContextAsync();
        var mute = Assert.Single(await context.AnomalyMutes.ToListAsync());
        Assert.Equal((_userId, (long?)_accountId, (long?)null, AnomalyTypes.SpendPacing), (mute.UserId, mute.AdAccountId, mute.CampaignId, mute.Type));
    }

    [Fact]
    public void NoAnomalies_ShowsTheEmptyState()
    {
        var panel = Render<AnomaliesPanel>(p => p.Add(c => c.UserId, _userId).Add(c => c.AdAccountId, _accountId));

        panel.WaitForAssertion(() => Assert.Contains("No anomalies right now", panel.Find("[data-testid=anomalies-empty]").TextContent, StringComparison.Ordinal));
    }

    private sealed class NoChannels : INotificationPush, INotificationEmailQueue
    {
        public Task PushAsync(long userId, NotificationView notification, CancellationToken ct) => Task.CompletedTask;

        public void Enqueue(long notificationId)
        {
        }
    }
}
