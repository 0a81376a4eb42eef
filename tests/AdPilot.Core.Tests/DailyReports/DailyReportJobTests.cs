using AdPilot.Core.Data;
using AdPilot.Core.DailyReports;
using AdPilot.Core.Notifications;
using AdPilot.Core.Tests.Reports;
using AdPilot.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Tests.DailyReports;

/// <summary>When the daily report goes out: at 09:00 in each user's zone, once per user and local day across racing runners.</summary>
public sealed class DailyReportJobTests
{
    private static readonly DateOnly Nov29 = new(2026, 11, 29);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RunAsync_TwoRunnersRacing_SendEachUserOnceAtTheirOwnNineOClock(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var clock = DailyReportWorld.Clock();
        var shanghai = await DailyReportWorld.UserAsync(db, "sh@example.com", "Asia/Shanghai");
        var losAngeles = await DailyReportWorld.UserAsync(db, "la@example.com", "America/Los_Angeles");
        await shanghai.SaveAsync(ReportWorld.Row(shanghai.Usd.Ads[0], Nov29, 40m)); // Shanghai's yesterday at 09:00 on the 30th
        await losAngeles.SaveAsync(ReportWorld.Row(losAngeles.Usd.Ads[0], Nov29, 40m)); // and Los Angeles's at 09:00 on its own 30th
        var (channelsA, channelsB) = (new RecordingNotificationChannels(), new RecordingNotificationChannels());
        var (nodeA, nodeB) = (DailyReportWorld.Job(db, clock, channelsA), DailyReportWorld.Job(db, clock, channelsB));

        async Task<int> RaceAsync() => (await Task.WhenAll(nodeA.RunAsync(), nodeB.RunAsync(), nodeA.RunAsync(), nodeB.RunAsync())).Sum();

        clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 0, 59, 0, TimeSpan.Zero)); // 08:59 in Shanghai
        Assert.Equal(0, await RaceAsync());
        // 09:00 in Shanghai; 17:00 on the 29th in LA, whose report of the 28th has no numbers (recorded, nothing sent).
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await RaceAsync());
        clock.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(0, await RaceAsync());
        Assert.Single(await DailyReportWorld.ReportNotificationsAsync(db, shanghai.UserId));
        Assert.Empty(await DailyReportWorld.ReportNotificationsAsync(db, losAngeles.UserId));

        clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 16, 59, 0, TimeSpan.Zero)); // 08:59 in Los Angeles (PST, UTC-8)
        Assert.Equal(0, await RaceAsync());
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 17, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await RaceAsync());
        Assert.Equal(0, await RaceAsync());

        var la = Assert.Single(await DailyReportWorld.ReportNotificationsAsync(db, losAngeles.UserId));
        Assert.Equal($"daily_report:2026-11-29", la.DedupeKey);
        Assert.Equal(la.Id, (await DailyReportWorld.SendsAsync(db, losAngeles.UserId)).Last().NotificationId);
        Assert.Equal(new DateOnly(2026, 11, 30), Assert.Single(await DailyReportWorld.SendsAsync(db, shanghai.UserId)).LocalDate);
        Assert.Equal([(new DateOnly(2026, 11, 29), DailyReportStatus.NoData), (new DateOnly(2026, 11, 30), DailyReportStatus.Sent)],
            (await DailyReportWorld.SendsAsync(db, losAngeles.UserId)).Select(s => (s.LocalDate, s.Status)));
        Assert.Equal(2, channelsA.QueuedEmails.Count + channelsB.QueuedEmails.Count); // one e-mail each, whichever node sent it
    }

    [Fact]
    public async Task RunAsync_NextLocalDay_SendsTheNextReport()
    {
        await using var db = await TestDatabase.CreateAsync();
        var clock = DailyReportWorld.Clock();
        var user = await DailyReportWorld.UserAsync(db, "utc@example.com", "UTC");
        await user.SaveAsync(ReportWorld.Row(user.Usd.Ads[0], Nov29, 10m), ReportWorld.Row(user.Usd.Ads[0], Nov29.AddDays(1), 12m));
        var job = DailyReportWorld.Job(db, clock, new RecordingNotificationChannels());

        clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 9, 30, 0, TimeSpan.Zero));
        Assert.Equal(1, await job.RunAsync());
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 8, 45, 0, TimeSpan.Zero));
        Assert.Equal(0, await job.RunAsync());
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await job.RunAsync());

        Assert.Equal(["daily_report:2026-11-29", "daily_report:2026-11-30"],
            (await DailyReportWorld.ReportNotificationsAsync(db, user.UserId)).Select(n => n.DedupeKey).Order());
    }

    [Fact]
    public async Task RunAsync_HalfHourZone_WaitsForItsOwnNineOClock()
    {
        await using var db = await TestDatabase.CreateAsync();
        var clock = DailyReportWorld.Clock();
        var user = await DailyReportWorld.UserAsync(db, "kolkata@example.com", "Asia/Kolkata"); // UTC+5:30
        await user.SaveAsync(ReportWorld.Row(user.Usd.Ads[0], Nov29, 10m));
        var job = DailyReportWorld.Job(db, clock, new RecordingNotificationChannels());

        clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 3, 15, 0, TimeSpan.Zero)); // 08:45 in Kolkata
        Assert.Equal(0, await job.RunAsync());
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 3, 30, 0, TimeSpan.Zero)); // 09:00
        Assert.Equal(1, await job.RunAsync());
    }

    [Theory]
    [InlineData(NotificationChannels.None, false, false)]
    [InlineData(NotificationChannels.InApp, true, false)]
    [InlineData(NotificationChannels.Email, false, true)]
    [InlineData(NotificationChannels.Both, true, true)]
    public async Task RunAsync_ReportReadyPreference_ChoosesTheChannels(NotificationChannels channels, bool inApp, bool email)
    {
        await using var db = await TestDatabase.CreateAsync();
        var clock = DailyReportWorld.Clock();
        var user = await DailyReportWorld.UserAsync(db, "prefs@example.com", "UTC");
        await user.SaveAsync(ReportWorld.Row(user.Usd.Ads[0], Nov29, 10m));
        await ServiceFactory.Notifications(db, clock).SetPreferencesAsync(user.UserId, [new(NotificationCategories.ReportReady, channels)]);
        var recorded = new RecordingNotificationChannels();
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

        await DailyReportWorld.Job(db, clock, recorded).RunAsync();

        Assert.Equal(inApp, !recorded.Pushed.IsEmpty);
        Assert.Equal(email, !recorded.QueuedEmails.IsEmpty);
        Assert.Equal(channels == NotificationChannels.None, (await DailyReportWorld.ReportNotificationsAsync(db, user.UserId)).Count == 0);
    }

    [Fact]
    public async Task RunAsync_NoAccountsJoinedTodayOrNoNumbers_SendsNothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var clock = DailyReportWorld.Clock();
        var noAccounts = await Seed.UserAsync(db, "empty@example.com");
        var noNumbers = await DailyReportWorld.UserAsync(db, "quiet@example.com", "UTC");
        var newcomer = await DailyReportWorld.UserAsync(db, "new@example.com", "UTC");
        await newcomer.SaveAsync(ReportWorld.Row(newcomer.Usd.Ads[0], Nov29, 10m));
        await using (var context = db.CreateDbContext())
        {
            await context.Users.Where(u => u.Id == newcomer.UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.CreatedAt, new DateTime(2026, 11, 30, 0, 30, 0, DateTimeKind.Utc)));
        }

        clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        var recorded = new RecordingNotificationChannels();
        Assert.Equal(0, await DailyReportWorld.Job(db, clock, recorded).RunAsync());

        Assert.Empty(recorded.Pushed);
        Assert.Empty(await DailyReportWorld.SendsAsync(db, noAccounts));
        Assert.Empty(await DailyReportWorld.SendsAsync(db, newcomer.UserId));
        Assert.Equal(DailyReportStatus.NoData, Assert.Single(await DailyReportWorld.SendsAsync(db, noNumbers.UserId)).Status);
    }

    [Fact]
    public async Task RunAsync_ClaimLeftByACrash_IsRetriedOnlyOnceStale()
    {
        await using var db = await TestDatabase.CreateAsync();
        var clock = DailyReportWorld.Clock();
        var user = await DailyReportWorld.UserAsync(db, "crash@example.com", "UTC");
        await user.SaveAsync(ReportWorld.Row(user.Usd.Ads[0], Nov29, 10m));
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        await using (var context = db.CreateDbContext())
        {
            // A node claimed the report at 09:00 and died before sending it.
            context.DailyReportSends.Add(new DailyReportSend { UserId = user.UserId, LocalDate = new DateOnly(2026, 11, 30), ClaimedAt = clock.GetUtcNow().UtcDateTime });
            await context.SaveChangesAsync();
        }

        var job = DailyReportWorld.Job(db, clock, new RecordingNotificationChannels());
        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(0, await job.RunAsync());
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, (await Task.WhenAll(job.RunAsync(), DailyReportWorld.Job(db, clock, new RecordingNotificationChannels()).RunAsync())).Sum());

        Assert.Single(await DailyReportWorld.ReportNotificationsAsync(db, user.UserId));
        Assert.Equal(DailyReportStatus.Sent, Assert.Single(await DailyReportWorld.SendsAsync(db, user.UserId)).Status);
    }

    [Fact]
    public async Task SendNowAsync_AfterTheScheduledOne_SendsAgainWithTheSameEmail()
    {
        await using var db = await TestDatabase.CreateAsync();
        var clock = DailyReportWorld.Clock();
        var user = await DailyReportWorld.UserAsync(db, "now@example.com", "UTC");
        var quiet = await DailyReportWorld.UserAsync(db, "now-quiet@example.com", "UTC");
        await user.SaveAsync(ReportWorld.Row(user.Usd.Ads[0], Nov29, 10m));
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        var recorded = new RecordingNotificationChannels();
        var job = DailyReportWorld.Job(db, clock, recorded);
        await job.RunAsync();
        clock.Advance(TimeSpan.FromMinutes(1));

        var now = await job.SendNowAsync(user.UserId);

        Assert.NotNull(now);
        Assert.Null(await job.SendNowAsync(quiet.UserId));
        Assert.Equal(2, (await DailyReportWorld.ReportNotificationsAsync(db, user.UserId)).Count);
        Assert.Equal(2, recorded.QueuedEmails.Count);
        await using var context = db.CreateDbContext();
        var notification = await context.Notifications.SingleAsync(n => n.Id == now.Id);
        var mail = await new DailyReportEmailComposer(db).ComposeAsync(notification, "now@example.com", "en", "https://app.example", default);
        Assert.Equal("Your AdPilot daily report for 2026-11-29", mail?.Subject);
    }
}
