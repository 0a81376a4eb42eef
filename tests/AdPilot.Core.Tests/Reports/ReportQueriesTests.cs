using AdPilot.Core.Common;
using AdPilot.Core.Data;
using AdPilot.Core.Reports;
using AdPilot.Core.Tests.Support;
using static AdPilot.Core.Tests.Reports.ReportWorld;

namespace AdPilot.Core.Tests.Reports;

/// <summary>Aggregation math: ratios of sums, empty ranges, zero denominators, currencies apart, buckets, time zones, scoping.</summary>
public sealed class ReportQueriesTests
{
    private static readonly DateOnly Day = new(2026, 11, 2); // a Monday

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Summary_RatiosAreRatiosOfSums_NotAveragesOfRatios(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await CreateAsync(db);
        // Ad 1: CPA 10/1 = 10, ROAS 0.5. Ad 2: CPA 90/9 = 10... make them differ: CPA 100/1 and 10/9.
        await w.SaveAsync(Row(w.Usd.Ads[0], Day, 100m, 1000, 50, 1, 300m), Row(w.Usd.Ads[1], Day, 10m, 9000, 10, 9, 0.5m));

        var summary = await w.Queries.SummaryAsync(w.UserId, new ReportScope { From = Day, To = Day });

        var usd = Assert.Single(summary.Totals).Current;
        Assert.Equal((110m, 10_000L, 60L, 10L, 300.5m), (usd.Spend, usd.Impressions, usd.Clicks, usd.Conversions, usd.Revenue));
        Assert.Equal(11m, usd.Cpa); // 110 / 10, not (100 + 1.1111) / 2
        Assert.Equal(0.006m, usd.Ctr);
        Assert.Equal(Math.Round(110m / 60m, 6), usd.Cpc);
        Assert.Equal(Math.Round(300.5m / 110m, 6), usd.Roas);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Queries_EmptyRangeAndZeroDenominators_GiveZerosAndNullRatios(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await CreateAsync(db);
        await w.SaveAsync(Row(w.Usd.Ads[0], Day, 0m, 0, 0, 0, 0m));

        var empty = await w.Queries.SummaryAsync(w.UserId, new ReportScope { From = Day.AddDays(10), To = Day.AddDays(12) });
        Assert.Empty(empty.Totals);
        var zero = Assert.Single((await w.Queries.SummaryAsync(w.UserId, new ReportScope { From = Day, To = Day })).Totals);
        Assert.Equal((0m, (decimal?)null, (decimal?)null, (decimal?)null, (decimal?)null), (zero.Current.Spend, zero.Current.Ctr, zero.Current.Cpc, zero.Current.Cpa, zero.Current.Roas));
        Assert.Null(zero.Change.Spend); // no previous numbers: no % change
        var breakdown = await w.Queries.BreakdownAsync(w.UserId, new ReportScope { From = Day.AddDays(10), To = Day.AddDays(12), AdAccountId = w.Usd.AccountId });
        Assert.All(breakdown.Rows, r => Assert.Equal((0m, (decimal?)null), (r.Spend, r.Roas)));
        Assert.Equal(2, breakdown.Rows.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Metrics_KeepCurrenciesApart_AndBucketByIsoWeekAndMonth(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await CreateAsync(db);
        // Sunday 1 Nov, Monday 2 Nov, Sunday 8 Nov, Monday 9 Nov; and 30 Nov / 1 Dec across a month boundary.
        await w.SaveAsync(
            Row(w.Usd.Ads[0], new DateOnly(2026, 11, 1), 1m), Row(w.Usd.Ads[0], new DateOnly(2026, 11, 2), 2m), Row(w.Usd.Ads[0], new DateOnly(2026, 11, 8), 4m),
            Row(w.Usd.Ads[0], new DateOnly(2026, 11, 9), 8m), Row(w.Usd.Ads[0], new DateOnly(2026, 11, 30), 16m), Row(w.Usd.Ads[0], new DateOnly(2026, 12, 1), 32m),
            Row(w.Eur.Ads[0], new DateOnly(2026, 11, 2), 1000m));
        var scope = new ReportScope { From = new DateOnly(2026, 11, 1), To = new DateOnly(2026, 12, 1) };

        var weeks = await w.Queries.MetricsAsync(w.UserId, scope, ReportGranularity.Week);
        Assert.Equal(["EUR", "USD"], weeks.Series.Select(s => s.Currency));
        Assert.Equal(1000m, Assert.Single(weeks.Series[0].Points).Spend);
        Assert.Equal([(new DateOnly(2026, 10, 26), 1m), (new DateOnly(2026, 11, 2), 6m), (new DateOnly(2026, 11, 9), 8m), (new DateOnly(2026, 11, 30), 48m)],
            weeks.Series[1].Points.Select(p => (p.Period, p.Spend)));
        var months = await w.Queries.MetricsAsync(w.UserId, scope with { Currency = "USD" }, ReportGranularity.Month);
        Assert.Equal([(new DateOnly(2026, 11, 1), 31m), (new DateOnly(2026, 12, 1), 32m)], Assert.Single(months.Series).Points.Select(p => (p.Period, p.Spend)));
        var days = await w.Queries.MetricsAsync(w.UserId, scope with { Level = ReportLevel.Account, EntityId = w.Eur.AccountId }, ReportGranularity.Day);
        Assert.Equal("EUR", Assert.Single(days.Series).Currency);
    }

    [Fact]
    public async Task DefaultRange_EndsOnTheUsersToday_InTheirTimeZone()
    {
        await using var db = await TestDatabase.CreateAsync();
        var w = await CreateAsync(db);
        await using (var context = db.CreateDbContext())
        {
            var user = await context.Users.FindAsync(w.UserId);
            user!.TimeZone = "America/Los_Angeles";
            await context.SaveChangesAsync();
        }

        w.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 5, 0, 0, TimeSpan.Zero)); // already the 27th in UTC, still 26 Nov 21:00 in Los Angeles
        await w.SaveAsync(Row(w.Usd.Ads[0], new DateOnly(2026, 11, 26), 5m), Row(w.Usd.Ads[0], new DateOnly(2026, 11, 27), 7m), Row(w.Usd.Ads[0], new DateOnly(2026, 11, 20), 11m),
            Row(w.Usd.Ads[0], new DateOnly(2026, 11, 19), 13m));

        var summary = await w.Queries.SummaryAsync(w.UserId, new ReportScope());

        Assert.Equal((new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 26)), (summary.From, summary.To));
        Assert.Equal((16m, 13m), (Assert.Single(summary.Totals).Current.Spend, summary.Totals[0].Previous.Spend));
        Assert.Equal(new DateOnly(2026, 11, 26), await w.Queries.TodayAsync(w.UserId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Breakdown_DrillsDownLevelByLevel_SortedByAnyMetric(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await CreateAsync(db);
        await w.SaveAsync(Row(w.Usd.Ads[0], Day, 10m, revenue: 50m), Row(w.Usd.Ads[1], Day, 20m, revenue: 20m), Row(w.Usd.Ads[4], Day, 5m, revenue: 40m));
        var range = new ReportScope { From = Day, To = Day };

        var campaigns = await w.Queries.BreakdownAsync(w.UserId, range with { EntityId = w.Usd.AccountId }, "roas");
        Assert.Equal("campaign", campaigns.ChildType);
        Assert.Equal([(w.Usd.Campaigns[1], 8m), (w.Usd.Campaigns[0], 2.333333m)], campaigns.Rows.Select(r => (r.Id, r.Roas!.Value)));
        var adSets = await w.Queries.BreakdownAsync(w.UserId, range with { Level = ReportLevel.Campaign, EntityId = w.Usd.Campaigns[0] }, "spend", descending: false);
        Assert.Equal(["ad_set", "ad_set"], adSets.Rows.Select(r => r.EntityType));
        Assert.Equal([0m, 30m], adSets.Rows.Select(r => r.Spend));
        var ads = await w.Queries.BreakdownAsync(w.UserId, range with { Level = ReportLevel.AdSet, EntityId = w.Usd.AdSets[0] }, "name");
        Assert.Equal(["USD ad 1.1.2", "USD ad 1.1.1"], ads.Rows.Select(r => r.Name));
        Assert.Equal("active", ads.Rows[0].Status);
        var all = await w.Queries.BreakdownAsync(w.UserId, range);
        Assert.Equal(4, all.Rows.Count); // campaigns of both accounts, each in its own currency
        Assert.Equal(["EUR", "EUR", "USD", "USD"], all.Rows.Select(r => r.Currency).Order());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnotherUsersData_NeverAppears_AndTheirEntitiesAreNotFound(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await CreateAsync(db);
        await w.SaveAsync(Row(w.Usd.Ads[0], Day, 10m));
        var other = await Seed.UserAsync(db, "other@example.com");
        var range = new ReportScope { From = Day, To = Day };

        Assert.Empty((await w.Queries.SummaryAsync(other, range)).Totals);
        Assert.Empty((await w.Queries.MetricsAsync(other, range with { Level = ReportLevel.Campaign, EntityId = w.Usd.Campaigns[0] }, ReportGranularity.Day)).Series);
        Assert.Empty((await w.Queries.BreakdownAsync(other, range)).Rows);
        await Assert.ThrowsAsync<NotFoundException>(() => w.Queries.BreakdownAsync(other, range with { Level = ReportLevel.Campaign, EntityId = w.Usd.Campaigns[0] }));
        await Assert.ThrowsAsync<NotFoundException>(() => w.Queries.BreakdownAsync(other, range with { EntityId = w.Usd.AccountId }));
        await Assert.ThrowsAsync<NotFoundException>(() => w.Reports.SaveAsync(other, new SaveMetricsRequest { Metrics = [Row(w.Usd.Ads[0], Day, 1m)] }));
        Assert.NotNull(await w.Queries.LocateAsync(w.UserId, ReportLevel.Ad, w.Usd.Ads[0])); // the drill-down link's lookup
        Assert.Null(await w.Queries.LocateAsync(other, ReportLevel.Ad, w.Usd.Ads[0]));
    }

    [Fact]
    public async Task Save_RefusesBadBatches()
    {
        await using var db = await TestDatabase.CreateAsync();
        var w = await CreateAsync(db);

        await Assert.ThrowsAsync<ValidationFailedException>(() => w.SaveAsync(Row(w.Usd.Ads[0], Day, -1m)));
        await Assert.ThrowsAsync<ValidationFailedException>(() => w.SaveAsync(Row(w.Usd.Ads[0], Day, 1.00001m)));
        await Assert.ThrowsAsync<ValidationFailedException>(() => w.SaveAsync(Row(w.Usd.Ads[0], Day, 1m), Row(w.Usd.Ads[0], Day, 2m)));
        await Assert.ThrowsAsync<ValidationFailedException>(() => w.SaveAsync(Row(w.Usd.Ads[0], Day, 1m) with { Currency = "EUR" }));
        await Assert.ThrowsAsync<ValidationFailedException>(() => w.Reports.SaveAsync(w.UserId, new SaveMetricsRequest()));
    }

    [Fact]
    public async Task Export_IsCsvWithEmptyCellsForNullRatios_AndDefusedFormulas()
    {
        await using var db = await TestDatabase.CreateAsync();
        var w = await CreateAsync(db);
        await using (var context = db.CreateDbContext())
        {
            (await context.Campaigns.FindAsync(w.Usd.Campaigns[0]))!.Name = "=HYPERLINK(\"x\")";
            await context.SaveChangesAsync();
        }

        await w.SaveAsync(Row(w.Usd.Ads[0], Day, 12.5m, 1000, 0, 0, 0m));

        var csv = ReportCsv.Breakdown(await w.Queries.BreakdownAsync(w.UserId, new ReportScope { From = Day, To = Day, AdAccountId = w.Usd.AccountId }));

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("type,id,name,status,currency,spend,impressions,clicks,conversions,revenue,ctr,cpc,cpa,roas", lines[0]);
        Assert.Equal($"campaign,{w.Usd.Campaigns[0]},\"'=HYPERLINK(\"\"x\"\")\",active,USD,12.5,1000,0,0,0,0,,,0", lines[1]);
    }
}
