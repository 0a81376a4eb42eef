using AdPilot.Core.Reports;
using AdPilot.Core.Tests.Support;
using Microsoft.Extensions.Options;

namespace AdPilot.Core.Tests.Reports;

public sealed class ReportDemoTests
{
    [Fact]
    public async Task SeedYear_GivesAYearOverThreeAccounts_EverySuggestionRuleFires_AndRunsOnce()
    {
        await using var db = await TestDatabase.CreateAsync();
        var clock = TestClock.At2026();
        var reports = new ReportService(db, clock, Options.Create(new ReportOptions()));
        var demo = new ReportDemo(db, ServiceFactory.Users(db, clock), reports, clock);

        Assert.Equal(3 * 24 * 365, await demo.SeedYearAsync());
        Assert.Equal(0, await demo.SeedYearAsync());

        await using var context = db.CreateDbContext();
        var user = context.Users.Single(u => u.Email == ReportDemo.Email).Id;
        // Shown as up to date (the dashboard waits for a first sync only on accounts that never had one).
        Assert.All(context.AdAccounts.Where(a => a.UserId == user).ToList(), a => Assert.Equal(clock.GetUtcNow().UtcDateTime, a.LastSyncedAt));
        var summary = await new ReportQueries(db, clock).SummaryAsync(user, new ReportScope { From = new DateOnly(2025, 11, 26), To = new DateOnly(2026, 11, 25) });
        Assert.Equal(["EUR", "GBP", "USD"], summary.Totals.Select(t => t.Currency));
        var suggestions = await new ReportSuggestions(db, clock).ForUserAsync(user);
        Assert.Equal(["budget_limited_winner", "high_cpa_ad_set", "roas_drop"], suggestions.Select(s => s.Rule).Distinct().Order());
    }
}
