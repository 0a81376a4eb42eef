using AdPilot.Core.Common;
using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.LandingPages;

/// <summary>
/// The list of a user's pages: filter by status, search name or slug, sort, pages of cards with all-time totals.
/// A user has tens or hundreds of pages, not millions: the filtered cards (no documents) are read once and sorted by
/// totals in memory, which keeps the views and conversion-rate sorts exact on both databases.
/// </summary>
internal static class LandingPageList
{
    public static async Task<Paged<LandingPageSummary>> QueryAsync(AppDbContext db, long userId, LandingPageQuery query, CancellationToken ct)
    {
        var rows = db.LandingPages.Where(p => p.UserId == userId);
        if (query.Status is { } status)
        {
            rows = rows.Where(p => p.Status == status);
        }

        if (query.Search?.Trim() is { Length: > 0 } search)
        {
            var pattern = "%" + search.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            rows = rows.Where(p => EF.Functions.Like(p.Name, pattern, "\\") || EF.Functions.Like(p.Slug, pattern, "\\"));
        }

        var cards = await rows.Select(p => new
        {
            p.Id, p.Name, p.Slug, p.Status, p.ThemeColor, p.PublishedUrl, p.PublishedVersion, p.PublishedAt, p.CreatedAt, p.UpdatedAt,
        }).ToListAsync(ct);
        var totals = await LandingPageViews.TotalsAsync(db, userId, null, ct);
        var summaries = cards.Select(p => new LandingPageSummary(p.Id, p.Name, p.Slug, p.Status, p.ThemeColor, p.PublishedUrl, p.PublishedVersion,
            p.PublishedAt, p.CreatedAt, p.UpdatedAt, totals.GetValueOrDefault(p.Id, PageTotals.None)));
        var sorted = query.Sort switch
        {
            LandingPageSort.Created => summaries.OrderByDescending(p => p.CreatedAt),
            LandingPageSort.Name => summaries.OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase),
            LandingPageSort.Views => summaries.OrderByDescending(p => p.Totals.Views),
            LandingPageSort.ConversionRate => summaries.OrderByDescending(p => p.Totals.ConversionRate ?? -1m).ThenByDescending(p => p.Totals.Views),
            _ => summaries.OrderByDescending(p => p.UpdatedAt),
        };
        var items = sorted.ThenByDescending(p => p.Id).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList();
        return new Paged<LandingPageSummary>(items, query.Page, query.PageSize, cards.Count);
    }
}
