using System.Globalization;
using AdPilot.Core.Data;
using AdPilot.Core.Notifications;
using AdPilot.Core.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AdPilot.Core.DailyReports;

/// <summary>
/// The recurring run (every 15 minutes): every user whose local time has passed 09:00 and who has not had today's report
/// gets it, once. A runner claims (user, local day) with a unique insert before building anything, so two job servers (or
/// a retried run) never both send it; a claim older than <see cref="StaleClaimAfter"/> that never reached "sent" is taken
/// over with a compare-and-set, and the notification's dedupe key (the report day) makes that retry raise it at most once.
/// </summary>
public sealed class DailyReportJob(
    IDbContextFactory<AppDbContext> dbFactory,
    NotificationService notifications,
    TimeProvider clock,
    ILogger<DailyReportJob> logger)
{
    public static readonly TimeOnly SendAt = new(9, 0);
    public static readonly TimeSpan StaleClaimAfter = TimeSpan.FromMinutes(10);
    public const string DedupePrefix = "daily_report:";

    public static string DedupeKey(DateOnly reportDay) => DedupePrefix + reportDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Sends the reports that are due; returns how many were sent by this run.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var sent = 0;
        foreach (var user in await DueAsync(ct))
        {
            try
            {
                if (await ClaimAsync(user.Id, user.LocalDate, ct) && await SendAsync(user, ct))
                {
                    sent++;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The claim stays; the next run after StaleClaimAfter retries it. Other users are not held up.
                logger.LogError(ex, "Daily report for user {UserId} ({LocalDate}) failed", user.Id, user.LocalDate);
            }
        }

        return sent;
    }

    /// <summary>
    /// "Send me the report now" (Settings): yesterday's report through the same notification and e-mail, whatever was sent
    /// already; its own dedupe key (report day plus the instant) keeps it apart from the scheduled one. Null when there are
    /// no numbers to report.
    /// </summary>
    public async Task<NotificationView?> SendNowAsync(long userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.TimeZone, u.Language }).SingleAsync(ct);
        var report = await DailyReportService.BuildAsync(db, userId, user.TimeZone, Periods.Today(clock, user.TimeZone).AddDays(-1), ct);
        if (!report.HasData)
        {
            return null;
        }

        var (title, body) = DailyReportTexts.Notification(report, user.Language);
        var (notification, _) = await notifications.CreateAsync(userId, new CreateNotificationRequest
        {
            Category = NotificationCategories.ReportReady, Title = title, Body = body, Link = report.Link,
            DedupeKey = $"{DedupeKey(report.Date)}:now:{clock.GetUtcNow().ToUnixTimeMilliseconds()}",
        }, ct);
        return notification;
    }

    private sealed record DueUser(long Id, string TimeZone, string Language, DateOnly LocalDate);

    /// <summary>Users past 09:00 locally, who joined before today, have an ad account, did not turn the category off, and are not done.</summary>
    private async Task<List<DueUser>> DueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.TimeZone, u.Language, u.CreatedAt }).ToListAsync(ct);
        var due = users.Select(u =>
            {
                var zone = Periods.Zone(u.TimeZone);
                var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
                var joined = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(u.CreatedAt, DateTimeKind.Utc), zone));
                var today = DateOnly.FromDateTime(local);
                return (User: new DueUser(u.Id, u.TimeZone, u.Language, today), IsDue: TimeOnly.FromDateTime(local) >= SendAt && joined < today);
            })
            .Where(x => x.IsDue).Select(x => x.User).ToList();
        if (due.Count == 0)
        {
            return [];
        }

        var withAccounts = (await db.AdAccounts.Select(a => a.UserId).Distinct().ToListAsync(ct)).ToHashSet();
        var optedOut = (await db.NotificationPreferences.Where(p => p.Category == NotificationCategories.ReportReady && p.Channels == NotificationChannels.None)
            .Select(p => p.UserId).ToListAsync(ct)).ToHashSet();
        var dates = due.Select(u => u.LocalDate).Distinct().ToList();
        var staleBefore = now.UtcDateTime - StaleClaimAfter;
        var done = (await db.DailyReportSends.Where(s => dates.Contains(s.LocalDate) && (s.Status != DailyReportStatus.Claimed || s.ClaimedAt > staleBefore))
            .Select(s => new { s.UserId, s.LocalDate }).ToListAsync(ct)).Select(s => (s.UserId, s.LocalDate)).ToHashSet();
        return due.Where(u => withAccounts.Contains(u.Id) && !optedOut.Contains(u.Id) && !done.Contains((u.Id, u.LocalDate))).ToList();
    }

    /// <summary>True when this runner now owns the (user, day): it inserted the claim, or took over a stale one.</summary>
    private async Task<bool> ClaimAsync(long userId, DateOnly localDate, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            db.DailyReportSends.Add(new DailyReportSend { UserId = userId, LocalDate = localDate, ClaimedAt = now });
            try
            {
                await db.SaveChangesAsync(ct);
                return true;
            }
            catch (DbUpdateException)
            {
                // Another runner claimed it first (the unique index), or claimed it long ago and crashed: see below.
            }
        }

        await using var fresh = await dbFactory.CreateDbContextAsync(ct);
        var staleBefore = now - StaleClaimAfter;
        var claim = await fresh.DailyReportSends.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == userId && s.LocalDate == localDate, ct);
        if (claim is not { Status: DailyReportStatus.Claimed } || claim.ClaimedAt > staleBefore)
        {
            return false;
        }

        // Compare-and-set on the old claim time: of two runners taking over the same stale claim, one wins.
        return await fresh.DailyReportSends.Where(s => s.Id == claim.Id && s.Status == DailyReportStatus.Claimed && s.ClaimedAt == claim.ClaimedAt)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ClaimedAt, now), ct) == 1;
    }

    private async Task<bool> SendAsync(DueUser user, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var report = await DailyReportService.BuildAsync(db, user.Id, user.TimeZone, user.LocalDate.AddDays(-1), ct);
        long? notificationId = null;
        if (report.HasData)
        {
            var (title, body) = DailyReportTexts.Notification(report, user.Language);
            var (notification, _) = await notifications.CreateAsync(user.Id, new CreateNotificationRequest
            {
                Category = NotificationCategories.ReportReady, Title = title, Body = body, Link = report.Link, DedupeKey = DedupeKey(report.Date),
            }, ct);
            notificationId = notification.Id;
        }

        var status = report.HasData ? DailyReportStatus.Sent : DailyReportStatus.NoData;
        await db.DailyReportSends.Where(s => s.UserId == user.Id && s.LocalDate == user.LocalDate)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, status).SetProperty(x => x.SentAt, clock.GetUtcNow().UtcDateTime)
                .SetProperty(x => x.NotificationId, notificationId), CancellationToken.None);
        logger.LogInformation("Daily report of {ReportDay} for user {UserId}: {Status}", report.Date, user.Id, status);
        return report.HasData;
    }
}
