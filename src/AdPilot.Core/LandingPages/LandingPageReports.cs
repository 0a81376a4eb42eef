using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.LandingPages;

/// <summary>One page's views, clicks, leads and conversion rate over a report's date range.</summary>
public sealed record LandingPageReportRow(long Id, string Name, string Slug, LandingPageStatus Status, PageTotals Totals);

/// <summary>
/// Landing pages in reports (#15, item 4): every page of the user with its counts over a date range (UTC days, like the
/// daily stats), pages without traffic included with zeros; most views first.
/// </summary>
public sealed class LandingPageReports(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int MaxRows = 100;

    public async Task<IReadOnlyList<LandingPageReportRow>> ListAsync(long userId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sums = await db.LandingPageDailyStats.AsNoTracking()
            .Where(s => s.UserId == userId && s.Date >= from && s.Date <= to)
            .GroupBy(s => s.LandingPageId)
            .Select(g => new { PageId = g.Key, Views = g.Sum(s => s.Views), Clicks = g.Sum(s => s.Clicks), Leads = g.Sum(s => s.Leads) })
            .ToDictionaryAsync(s => s.PageId, ct);
        var pages = await db.LandingPages.AsNoTracking().Where(p => p.UserId == userId)
            .Select(p => new { p.Id, p.Name, p.Slug, p.Status }).ToListAsync(ct);
        return pages
            .Select(p => new LandingPageReportRow(p.Id, p.Name, p.Slug, p.Status,
                sums.TryGetValue(p.Id, out var s) ? PageTotals.Of(s.Views, s.Clicks, s.Leads) : PageTotals.None))
            .OrderByDescending(r => r.Totals.Views).ThenByDescending(r => r.Totals.Leads).ThenBy(r => r.Name, StringComparer.CurrentCulture).ThenBy(r => r.Id)
            .Take(MaxRows)
            .ToList();
    }
}
