using AdPilot.Core.Anomalies;
using AdPilot.Core.Common;
using AdPilot.Core.Data;
using AdPilot.Core.DailyReports;
using AdPilot.Core.Notifications;
using AdPilot.Core.Reports;
using AdPilot.Core.Tests.Reports;
using AdPilot.Core.Tests.Support;

namespace AdPilot.Core.Tests.DailyReports;

/// <summary>The report's numbers against constructed metrics: exact, per account and currency, with both comparisons.</summary>
public sealed class DailyReportContentTests
{
    private static readonly DateOnly Day = new(2026, 11, 29); // a Sunday; the day before is the 28th, last week's Sunday the 22nd

    /// <summary>USD: campaign 1 (ads 0–3) and 2 (ads 4–7) on the day, campaign 1 on the day before and a week before. EUR: one campaign, no revenue.</summary>
    private static async Task<ReportWorld> WorldAsync(TestDatabase db, string email = "daily@example.com")
    {
        var world = await DailyReportWorld.UserAsync(db, email, "UTC");
        await world.SaveAsync(
            ReportWorld.Row(world.Usd.Ads[0], Day, 60m, conversions: 2, revenue: 180m),
            ReportWorld.Row(world.Usd.Ads[1], Day, 40m, conversions: 2, revenue: 120m),
            ReportWorld.Row(world.Usd.Ads[4], Day, 50m, conversions: 1, revenue: 50m),
            ReportWorld.Row(world.Usd.Ads[0], Day.AddDays(-1), 60m, conversions: 2, revenue: 120m),
            ReportWorld.Row(world.Usd.Ads[0], Day.AddDays(-7), 200m, conversions: 10, revenue: 200m),
            ReportWorld.Row(world.Eur.Ads[0], Day, 80m, conversions: 0),
            ReportWorld.Row(world.Eur.Ads[4], Day, 20m, conversions: 2));
        return world;
    }

    private static DailyReportService Service(TestDatabase db) =>
        new(db, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero)));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GetAsync_ConstructedMetrics_ExactNumbersAndChangesPerCurrency(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var world = await WorldAsync(db);

        var report = await Service(db).GetAsync(world.UserId);

        Assert.Equal((Day, Day.AddDays(-1), Day.AddDays(-7)), (report.Date, report.DayBefore, report.SameWeekdayLastWeek));
        Assert.Equal("/reports?range=custom&from=2026-11-29&to=2026-11-29", report.Link);
        Assert.Equal(["EUR", "USD"], report.Accounts.Select(a => a.Currency));
        var usd = report.Accounts.Single(a => a.Currency == "USD");
        Assert.Equal((150m, 5L, 350m, 2.333333m, 30m), (usd.Day.Spend, usd.Day.Conversions, usd.Day.Revenue, usd.Day.Roas, usd.Day.Cpa));
        Assert.Equal((60m, 2m, 30m), (usd.DayBefore.Spend, usd.DayBefore.Roas, usd.DayBefore.Cpa));
        Assert.Equal((150m, 16.67m, 0m, 150m), (usd.VsDayBefore.Spend, usd.VsDayBefore.Roas, usd.VsDayBefore.Cpa, usd.VsDayBefore.Conversions));
        Assert.Equal((200m, 1m, 20m), (usd.SameWeekdayLastWeek.Spend, usd.SameWeekdayLastWeek.Roas, usd.SameWeekdayLastWeek.Cpa));
        Assert.Equal((-25m, 133.33m, 50m, -50m), (usd.VsSameWeekdayLastWeek.Spend, usd.VsSameWeekdayLastWeek.Roas, usd.VsSameWeekdayLastWeek.Cpa, usd.VsSameWeekdayLastWeek.Conversions));
        Assert.Equal(("roas", world.Usd.Campaigns[0], world.Usd.Campaigns[1]), (usd.RankedBy, usd.Top.Single().Id, usd.Bottom.Single().Id));
        Assert.Equal(3m, usd.Top[0].Totals.Roas);

        var eur = report.Accounts.Single(a => a.Currency == "EUR");
        Assert.Equal((100m, 2L, 0m, 50m), (eur.Day.Spend, eur.Day.Conversions, eur.Day.Roas, eur.Day.Cpa)); // never added to the USD block
        Assert.Equal(("cpa", world.Eur.Campaigns[1], world.Eur.Campaigns[0]), (eur.RankedBy, eur.Top.Single().Id, eur.Bottom.Single().Id));
        Assert.Null(eur.VsDayBefore.Spend); // no base the day before

        Assert.Equal(DailyReportService.ChartDays, usd.Last14Days.Count);
        Assert.Equal((Day.AddDays(-13), Day, 150m, 0m), (usd.Last14Days[0].Period, usd.Last14Days[^1].Period, usd.Last14Days[^1].Spend, usd.Last14Days[0].Spend));
        Assert.Equal(200m, usd.Last14Days.Single(p => p.Period == Day.AddDays(-7)).Spend);

        // Campaign 1 used its whole daily budget of 100 yesterday at a ROAS of 420/160 over the week.
        // Ad set 2.1 paid 50 per conversion against its account's 210 / 7 = 30 over the week.
        Assert.Equal([("high_cpa_ad_set", world.Usd.AdSets[2]), ("budget_limited_winner", world.Usd.Campaigns[0])], report.Suggestions.Select(s => (s.Rule, s.Entity.Id)));
    }

    [Fact]
    public async Task GetAsync_AnomaliesOfTheDay_IncludedOthersNot()
    {
        await using var db = await TestDatabase.CreateAsync();
        var world = await WorldAsync(db);
        var other = await DailyReportWorld.UserAsync(db, "other@example.com", "UTC");
        Anomaly Row(long userId, long account, DateOnly day, DateTime? resolved, string type) => new()
        {
            UserId = userId, AdAccountId = account, EntityName = "USD campaign 1", Type = type, Severity = NotificationType.Important, Day = day, Currency = "USD",
            Observed = 150m, Expected = 60m, ExpectedLow = 40m, ExpectedHigh = 80m, StartedAt = day.ToDateTime(new TimeOnly(10, 0)), LastSeenAt = day.ToDateTime(new TimeOnly(11, 0)), ResolvedAt = resolved,
        };
        await using (var context = db.CreateDbContext())
        {
            context.Anomalies.AddRange(
                Row(world.UserId, world.Usd.AccountId, Day, null, AnomalyTypes.SpendPacing),
                Row(world.UserId, world.Usd.AccountId, Day.AddDays(-2), null, AnomalyTypes.CpaSpike),
                Row(world.UserId, world.Usd.AccountId, Day.AddDays(-3), new DateTime(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc), AnomalyTypes.RoasDrop),
                Row(world.UserId, world.Usd.AccountId, Day.AddDays(1), null, AnomalyTypes.CtrCollapse),
                Row(other.UserId, other.Usd.AccountId, Day, null, AnomalyTypes.ZeroDelivery));
            await context.SaveChangesAsync();
        }

        var report = await Service(db).GetAsync(world.UserId, Day);

        Assert.Equal([AnomalyTypes.CpaSpike, AnomalyTypes.SpendPacing], report.Anomalies.Select(a => a.Type));
        Assert.Equal((150m, 40m, 80m, "USD"), (report.Anomalies[1].Observed, report.Anomalies[1].ExpectedLow, report.Anomalies[1].ExpectedHigh, report.Anomalies[1].Currency));
    }

    [Theory]
    [InlineData("2026-12-01")]
    [InlineData("2016-01-01")]
    public async Task GetAsync_DateOutOfRange_Fails(string date)
    {
        await using var db = await TestDatabase.CreateAsync();
        var world = await WorldAsync(db);

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => Service(db).GetAsync(world.UserId, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("date", error.Errors.Keys);
    }

    [Fact]
    public void Rank_TinySpender_NeverTopsTheList()
    {
        static DailyCampaign C(long id, decimal spend, decimal revenue, long conversions = 1) =>
            new(id, $"c{id}", new Sums(spend, 0, 0, conversions, revenue).Totals());
        var campaigns = new[] { C(1, 100m, 200m), C(2, 4m, 400m), C(3, 100m, 100m), C(4, 96m, 300m) };
        var account = new Sums(300m, 0, 0, 4, 1000m);

        var (rankedBy, top, bottom) = DailyReportRanking.Rank(account, campaigns);

        Assert.Equal("roas", rankedBy);
        Assert.Equal([4L, 1L], top.Select(c => c.Id));
        Assert.Equal([3L], bottom.Select(c => c.Id));
    }
}
