using AdPilot.Core.LandingPages;
using AdPilot.Core.Tests.Support;

namespace AdPilot.Core.Tests.LandingPages;

/// <summary>The reports page's landing page table: counts over the range, per page, for the owner only.</summary>
public sealed class LandingPageReportsTests
{
    private static async Task<long> PageAsync(TestDatabase db, long userId, string slug)
    {
        await using var ctx = db.CreateDbContext();
        var page = new LandingPage { UserId = userId, Name = slug, Slug = slug, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        ctx.LandingPages.Add(page);
        await ctx.SaveChangesAsync();
        return page.Id;
    }

    private static async Task StatAsync(TestDatabase db, long userId, long pageId, DateOnly date, long views, long clicks, long leads)
    {
        await using var ctx = db.CreateDbContext();
        ctx.LandingPageDailyStats.Add(new LandingPageDailyStat { UserId = userId, LandingPageId = pageId, Date = date, Views = views, Clicks = clicks, Leads = leads });
        await ctx.SaveChangesAsync();
    }

    [Fact]
    public async Task ListAsync_Range_SumsEachPagesDaysInsideIt_AndKeepsQuietPages()
    {
        await using var db = await TestDatabase.CreateAsync();
        var user = await Seed.UserAsync(db);
        var other = await Seed.UserAsync(db, "other@example.com");
        var spring = await PageAsync(db, user, "spring");
        var quiet = await PageAsync(db, user, "quiet");
        var theirs = await PageAsync(db, other, "theirs");
        var day = new DateOnly(2026, 11, 10);
        await StatAsync(db, user, spring, day, 100, 20, 4);
        await StatAsync(db, user, spring, day.AddDays(1), 50, 5, 2);
        await StatAsync(db, user, spring, day.AddDays(-1), 999, 999, 999); // before the range
        await StatAsync(db, other, theirs, day, 500, 50, 50);

        var rows = await new LandingPageReports(db).ListAsync(user, day, day.AddDays(6));

        Assert.Equal([spring, quiet], rows.Select(r => r.Id));
        Assert.Equal(PageTotals.Of(150, 25, 6), rows[0].Totals);
        Assert.Equal(0.04m, rows[0].Totals.ConversionRate);
        Assert.Equal(PageTotals.None, rows[1].Totals);
    }
}
