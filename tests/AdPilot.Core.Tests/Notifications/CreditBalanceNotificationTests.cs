using AdPilot.Core.Credits;
using AdPilot.Core.Notifications;
using AdPilot.Core.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace AdPilot.Core.Tests.Notifications;

/// <summary>Low (50) and critical (10) balance notifications: once per crossing, not once per deduction.</summary>
public sealed class CreditBalanceNotificationTests
{
    private static DeductRequest Charge(string key) => new() { Operation = "campaign_action", IdempotencyKey = key };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EachCrossing_RaisesOneNotification(AdPilot.Core.Data.DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var clock = TestClock.At2026();
        var channels = new RecordingNotificationChannels();
        var notifications = ServiceFactory.Notifications(db, clock, channels);
        var configs = ServiceFactory.Configs(db, clock);
        var credits = new CreditService(db, configs, clock, new CreditBalanceNotifier(db, notifications, NullLogger<CreditBalanceNotifier>.Instance));
        var user = await Seed.UserAsync(db);
        await credits.GrantAsync(user, CreditTransactionType.Recharge, 52m, "r1", null);

        var n = 0;
        async Task SpendToAsync(decimal target)
        {
            while ((await credits.GetBalanceAsync(user)).Total > target)
            {
                await credits.DeductAsync(user, Charge($"d{++n}"));
            }
        }

        await SpendToAsync(50m);
        Assert.Empty(await AllAsync());                   // at the threshold is not below it
        await SpendToAsync(49m);
        await credits.DeductAsync(user, Charge($"d{n}")); // an idempotent repeat of the crossing deduction
        await SpendToAsync(40m);
        var low = Assert.Single(await AllAsync());
        Assert.Equal((NotificationCategories.CreditLow, NotificationType.Important), (low.Category, low.Type));
        Assert.Contains("49", low.Body);

        await SpendToAsync(5m);
        var critical = (await AllAsync())[0];
        Assert.Equal((NotificationCategories.CreditCritical, NotificationType.Urgent), (critical.Category, critical.Type));
        Assert.Equal(2, (await AllAsync()).Count);
        Assert.Contains(critical.Id, channels.QueuedEmails);   // urgent: e-mail too

        await credits.GrantAsync(user, CreditTransactionType.Recharge, 46m, "r2", null);  // back to 51
        await SpendToAsync(49m);
        Assert.Equal(3, (await AllAsync()).Count);
        Assert.Equal(NotificationCategories.CreditLow, (await AllAsync())[0].Category);

        async Task<IReadOnlyList<NotificationView>> AllAsync() => (await notifications.ListAsync(user, new NotificationQuery())).Items;
    }

    [Fact]
    public void Crossing_IsCriticalFirst_AndOnlyDownwards()
    {
        Assert.Equal((BalanceLevel.Critical, 10m), BalanceThresholds.Crossed(60m, 5m, 50m, 10m));
        Assert.Equal((BalanceLevel.Low, 50m), BalanceThresholds.Crossed(50m, 49.5m, 50m, 10m));
        Assert.Null(BalanceThresholds.Crossed(49m, 48m, 50m, 10m));
        Assert.Null(BalanceThresholds.Crossed(5m, 60m, 50m, 10m));
    }
}
