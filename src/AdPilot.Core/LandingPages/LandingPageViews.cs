using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.LandingPages;

/// <summary>The views the service and the publisher return, with totals over all time and whether the draft differs from the live version.</summary>
internal static class LandingPageViews
{
    public static async Task<LandingPageView> ViewAsync(AppDbContext db, LandingPage page, CancellationToken ct)
    {
        var live = page.PublishedVersion is { } version
            ? await db.LandingPageVersions.Where(v => v.LandingPageId == page.Id && v.Version == version).Select(v => v.ContentJson).FirstOrDefaultAsync(ct)
            : null;
        var changed = page.Status == LandingPageStatus.Published
            && (live != page.ContentJson || page.PublishedKey != LandingPageSlugs.KeyFor(page.Slug));
        var totals = (await TotalsAsync(db, page.UserId, [page.Id], ct)).GetValueOrDefault(page.Id, PageTotals.None);
        return new LandingPageView(page.Id, page.Name, page.Slug, page.Status, LandingPageDocument.Parse(page.ContentJson), page.PublishedUrl,
            page.PublishedVersion, page.PublishedAt, changed, page.NotifyOnLead, page.CreatedAt, page.UpdatedAt, totals);
    }

    /// <summary>Views, clicks and leads per page over all time (pages with no rows are absent).</summary>
    public static async Task<Dictionary<long, PageTotals>> TotalsAsync(AppDbContext db, long userId, IReadOnlyCollection<long>? pageIds, CancellationToken ct)
    {
        var stats = db.LandingPageDailyStats.Where(s => s.UserId == userId);
        if (pageIds is not null)
        {
            stats = stats.Where(s => pageIds.Contains(s.LandingPageId));
        }

        var rows = await stats.GroupBy(s => s.LandingPageId)
            .Select(g => new { Id = g.Key, Views = g.Sum(s => s.Views), Clicks = g.Sum(s => s.Clicks), Leads = g.Sum(s => s.Leads) })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => PageTotals.Of(r.Views, r.Clicks, r.Leads));
    }

    /// <summary>Whole milliseconds, UTC: what every database keeps exactly, so <c>BaseUpdatedAt</c> compares equal after a round trip.</summary>
    public static DateTime Stamp(DateTime value)
    {
        var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value;
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
    }
}
