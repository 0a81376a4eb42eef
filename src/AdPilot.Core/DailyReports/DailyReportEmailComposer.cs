using System.Globalization;
using AdPilot.Core.Data;
using AdPilot.Core.Email;
using AdPilot.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.DailyReports;

/// <summary>
/// Gives a daily report's <c>report_ready</c> notification its full e-mail (tables, chart) in place of the generic one. The
/// notification carries the report day in its dedupe key, so the e-mail job (retries included) rebuilds the same report.
/// </summary>
public sealed class DailyReportEmailComposer(IDbContextFactory<AppDbContext> dbFactory) : INotificationEmailComposer
{
    public async Task<EmailMessage?> ComposeAsync(Notification notification, string to, string language, string linkBaseUrl, CancellationToken ct)
    {
        if (notification.Category != NotificationCategories.ReportReady || notification.DedupeKey is not { } key || !key.StartsWith(DailyReportJob.DedupePrefix, StringComparison.Ordinal)
            || key.Length < DailyReportJob.DedupePrefix.Length + 10
            || !DateOnly.TryParseExact(key.Substring(DailyReportJob.DedupePrefix.Length, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var timeZone = await db.Users.Where(u => u.Id == notification.UserId).Select(u => u.TimeZone).SingleAsync(ct);
        var report = await DailyReportService.BuildAsync(db, notification.UserId, timeZone, day, ct);
        return DailyReportEmail.Render(report, to, language, linkBaseUrl);
    }
}
