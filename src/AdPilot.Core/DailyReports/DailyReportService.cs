using System.Globalization;
using AdPilot.Core.Common;
using AdPilot.Core.Data;
using AdPilot.Core.Reports;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.DailyReports;

/// <summary>
/// Builds the daily report from the report rollups, as the reports page reads them: a day is the accounts' reporting day
/// (metrics are stored by the account's own day), and "yesterday" is the day before the user's today in the user's time
/// zone. Every sum is per account and currency. The same content serves the e-mail, the API and the MCP tool.
/// </summary>
public sealed class DailyReportService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public const int ChartDays = 14;

    /// <summary>The report of <paramref name="date"/> (default: yesterday in the user's time zone).</summary>
    public async Task<DailyReport> GetAsync(long userId, DateOnly? date = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var timeZone = await db.Users.Where(u => u.Id == userId).Select(u => u.TimeZone).SingleOrDefaultAsync(ct) ?? throw new NotFoundException("User", userId);
        var today = Periods.Today(clock, timeZone);
        var day = date ?? today.AddDays(-1);
        if (day > today)
        {
            throw ValidationFailedException.For("date", "The date cannot be after today.");
        }

        if (today.DayNumber - day.DayNumber > 3660)
        {
            throw ValidationFailedException.For("date", "The date can be at most ten years ago.");
        }

        return await BuildAsync(db, userId, timeZone, day, ct);
    }

    internal static async Task<DailyReport> BuildAsync(AppDbContext db, long userId, string timeZone, DateOnly day, CancellationToken ct)
    {
        var first = day.AddDays(-(ChartDays - 1));
        var all = new ReportScope();
        var days = await ReportQueries.SumAsync(db, userId, all, first, day, RollupKey.AdAccount, byDate: true, ct);
        var campaignSums = await ReportQueries.SumAsync(db, userId, all, day, day, RollupKey.Campaign, byDate: false, ct);
        var accounts = await db.AdAccounts.AsNoTracking().Where(a => a.UserId == userId)
            .Select(a => new { a.Id, a.Name, a.Platform }).ToDictionaryAsync(a => a.Id, ct);
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => c.UserId == userId)
            .Select(c => new { c.Id, c.AdAccountId, c.Name }).ToDictionaryAsync(c => c.Id, ct);

        var blocks = days.Where(d => accounts.ContainsKey(d.Key)).GroupBy(d => (Account: d.Key, d.Currency))
            .OrderBy(g => accounts[g.Key.Account].Name, StringComparer.Ordinal).ThenBy(g => g.Key.Account).ThenBy(g => g.Key.Currency, StringComparer.Ordinal)
            .Select(g =>
            {
                Sums On(DateOnly d) => g.Where(x => x.Date == d).Aggregate(default(Sums), (acc, x) => acc + x.Sums);
                var (now, before, lastWeek) = (On(day), On(day.AddDays(-1)), On(day.AddDays(-7)));
                var ranked = campaignSums.Where(c => c.Currency == g.Key.Currency && campaigns.TryGetValue(c.Key, out var info) && info.AdAccountId == g.Key.Account)
                    .Select(c => new DailyCampaign(c.Key, campaigns[c.Key].Name, c.Sums.Totals())).ToList();
                var (rankedBy, top, bottom) = DailyReportRanking.Rank(now, ranked);
                var series = Enumerable.Range(0, ChartDays).Select(i => first.AddDays(i)).Select(d => On(d).Point(d)).ToList();
                var account = accounts[g.Key.Account];
                return new DailyAccountReport(account.Id, account.Name, account.Platform.ToString(), g.Key.Currency,
                    now.Totals(), before.Totals(), lastWeek.Totals(), Sums.Change(now.Totals(), before.Totals()), Sums.Change(now.Totals(), lastWeek.Totals()),
                    rankedBy, top, bottom, series);
            }).ToList();

        return new DailyReport(day, day.AddDays(-1), day.AddDays(-7), timeZone, Link(day), blocks,
            await AnomaliesAsync(db, userId, timeZone, day, ct),
            blocks.Count == 0 ? [] : SuggestionRules.Evaluate(await ReportSuggestions.LoadAsync(db, userId, null, day.AddDays(-6), day, ct)));
    }

    /// <summary>The reports page showing that one day.</summary>
    public static string Link(DateOnly day)
    {
        var d = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $"/reports?range=custom&from={d}&to={d}";
    }

    /// <summary>Episodes that started on the day, and earlier ones (up to a week) still open at its start.</summary>
    private static async Task<List<DailyAnomaly>> AnomaliesAsync(AppDbContext db, long userId, string timeZone, DateOnly day, CancellationToken ct)
    {
        var dayStart = Periods.StartUtc(day, Periods.Zone(timeZone));
        var weekBefore = day.AddDays(-7);
        return await db.Anomalies.AsNoTracking()
            .Where(a => a.UserId == userId && (a.Day == day || (a.Day >= weekBefore && a.Day < day && (a.ResolvedAt == null || a.ResolvedAt >= dayStart))))
            .OrderBy(a => a.Day).ThenBy(a => a.Id)
            .Select(a => new DailyAnomaly(a.Id, a.AdAccountId, a.CampaignId, a.EntityName, a.Type, a.Severity, a.Day, a.Currency,
                a.Observed, a.Expected, a.ExpectedLow, a.ExpectedHigh, a.ResolvedAt != null))
            .ToListAsync(ct);
    }
}
