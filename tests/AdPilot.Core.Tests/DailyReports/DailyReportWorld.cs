using AdPilot.Core.DailyReports;
using AdPilot.Core.Notifications;
using AdPilot.Core.Tests.Reports;
using AdPilot.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AdPilot.Core.Tests.DailyReports;

/// <summary>Report worlds (a USD and an EUR account each) for users in given time zones, and job runners over one database and clock.</summary>
internal static class DailyReportWorld
{
    /// <summary>Monday 2026-11-30 00:00 UTC: every test user joined on 2026-11-26, so none of them joined "today".</summary>
    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero));

    public static async Task<ReportWorld> UserAsync(TestDatabase db, string email, string timeZone, string language = "en")
    {
        var world = await ReportWorld.CreateAsync(db, email);
        await using var context = db.CreateDbContext();
        await context.Users.Where(u => u.Id == world.UserId).ExecuteUpdateAsync(s => s.SetProperty(u => u.TimeZone, timeZone).SetProperty(u => u.Language, language));
        return world;
    }

    /// <summary>One job runner as one node builds it: its own notification service over the shared database and clock.</summary>
    public static DailyReportJob Job(TestDatabase db, TimeProvider clock, RecordingNotificationChannels channels) =>
        new(db, ServiceFactory.Notifications(db, clock, channels), clock, NullLogger<DailyReportJob>.Instance);

    public static async Task<List<Notification>> ReportNotificationsAsync(TestDatabase db, long userId)
    {
        await using var context = db.CreateDbContext();
        return await context.Notifications.AsNoTracking().Where(n => n.UserId == userId && n.Category == NotificationCategories.ReportReady).ToListAsync();
    }

    public static async Task<List<DailyReportSend>> SendsAsync(TestDatabase db, long userId)
    {
        await using var context = db.CreateDbContext();
        return await context.DailyReportSends.AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.LocalDate).ToListAsync();
    }
}
