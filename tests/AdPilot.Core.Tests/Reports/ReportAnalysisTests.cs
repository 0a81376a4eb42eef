using AdPilot.Core.Common;
using AdPilot.Core.Reports;
using AdPilot.Core.Tests.Support;

namespace AdPilot.Core.Tests.Reports;

public sealed class ReportAnalysisTests
{
    [Fact]
    public async Task Analyze_AWeekAgainstTheWeekBefore_FromTheRollups()
    {
        await using var db = await TestDatabase.CreateAsync();
        var world = await ReportWorld.CreateAsync(db);
        var to = new DateOnly(2026, 11, 22);
        for (var day = to.AddDays(-13); day <= to; day = day.AddDays(1))
        {
            var thisWeek = day > to.AddDays(-7);
            await world.SaveAsync(
                ReportWorld.Row(world.Usd.Ads[0], day, 50m, conversions: 5, revenue: thisWeek ? 50m : 150m),
                ReportWorld.Row(world.Usd.Ads[4], day, 50m, conversions: 5, revenue: 150m),
                ReportWorld.Row(world.Eur.Ads[0], day, 20m, conversions: 1, revenue: 40m));
        }

        var analysis = await new ReportAnalysis(db, world.Clock).AnalyzeAsync(world.UserId, new AnalysisRequest { To = to });

        Assert.Equal((new DateOnly(2026, 11, 16), to), (analysis.From, analysis.To));
        Assert.Equal([("EUR", 140m), ("USD", 700m)], analysis.Totals.Select(t => (t.Currency, t.Current.Spend)));
        Assert.Equal(-33.33m, analysis.Totals.Single(t => t.Currency == "USD").Change.Roas);
        Assert.Contains(analysis.Findings, f => f.Rule == "top_campaign" && f.Entity!.Id == world.Usd.Campaigns[1] && f.Currency == "USD");
        Assert.Contains(analysis.Findings, f => f.Rule == "roas_drop" && f.Entity!.Id == world.Usd.Campaigns[0]);
    }

    [Fact]
    public async Task Analyze_AnotherUsersAccount_IsNotFound()
    {
        await using var db = await TestDatabase.CreateAsync();
        var world = await ReportWorld.CreateAsync(db);
        var other = await Seed.UserAsync(db, "other@example.com");

        await Assert.ThrowsAsync<NotFoundException>(() => new ReportAnalysis(db, world.Clock).AnalyzeAsync(other, new AnalysisRequest { AdAccountId = world.Usd.AccountId }));
    }
}
