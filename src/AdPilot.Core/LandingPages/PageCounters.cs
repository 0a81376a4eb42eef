using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.LandingPages;

internal enum PageCounter
{
    Views,
    Clicks,
    Leads,
}

/// <summary>
/// Adds one to a page's count for a UTC day in <see cref="LandingPageDailyStat"/>, correct under concurrency on SQLite and
/// MariaDB without a transaction: an atomic <c>UPDATE … SET x = x + 1</c>; when the day has no row yet, an insert; when a
/// concurrent request inserted it first (the primary key refuses the second), the update again.
/// </summary>
internal static class PageCounters
{
    private const int Attempts = 5;

    public static async Task AddOneAsync(IDbContextFactory<AppDbContext> dbFactory, long pageId, long userId, DateOnly day, PageCounter counter, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var row = db.LandingPageDailyStats.Where(s => s.LandingPageId == pageId && s.Date == day);
            var updated = counter switch
            {
                PageCounter.Views => await row.ExecuteUpdateAsync(s => s.SetProperty(x => x.Views, x => x.Views + 1), ct),
                PageCounter.Clicks => await row.ExecuteUpdateAsync(s => s.SetProperty(x => x.Clicks, x => x.Clicks + 1), ct),
                _ => await row.ExecuteUpdateAsync(s => s.SetProperty(x => x.Leads, x => x.Leads + 1), ct),
            };
            if (updated > 0)
            {
                return;
            }

            db.LandingPageDailyStats.Add(new LandingPageDailyStat
            {
                LandingPageId = pageId,
                UserId = userId,
                Date = day,
                Views = counter == PageCounter.Views ? 1 : 0,
                Clicks = counter == PageCounter.Clicks ? 1 : 0,
                Leads = counter == PageCounter.Leads ? 1 : 0,
            });
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another request created the day's row between our update and insert: the update finds it now.
            }
        }
    }
}
