using AdPilot.Core.Data;
using AdPilot.Core.Reports;
using AdPilot.Core.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static AdPilot.Core.Tests.Reports.ReportWorld;

namespace AdPilot.Core.Tests.Reports;

/// <summary>
/// The rollups (campaign-day, campaign-week, account-day) are exact: every account- and campaign-level total and series,
/// over any range, equals the sum of the ad-day rows that were saved last, however the range meets the week boundaries.
/// </summary>
public sealed class ReportRollupTests
{
    private static readonly DateOnly Start = new(2025, 6, 2);

    [Theory]
    [InlineData("2026-11-23", "2026-11-29", "2026-11-23", "2026-11-23")] // Monday to Sunday: one whole week
    [InlineData("2026-11-24", "2026-12-07", "2026-11-30", "2026-11-30")] // Tuesday to the Monday after next
    [InlineData("2026-11-22", "2026-12-13", "2026-11-23", "2026-12-07")] // Sunday to Sunday: three whole weeks
    public void WholeWeeks_AreTheIsoWeeksInsideTheRange(string from, string to, string first, string last)
    {
        Assert.Equal((DateOnly.Parse(first), DateOnly.Parse(last)), Periods.WholeWeeks(DateOnly.Parse(from), DateOnly.Parse(to)));
    }

    [Theory]
    [InlineData("2026-11-24", "2026-11-30")] // seven days, but Tuesday to Monday
    [InlineData("2026-11-26", "2026-11-26")]
    public void WholeWeeks_AreNone_WhenNoMondayToSundayFits(string from, string to)
    {
        Assert.Null(Periods.WholeWeeks(DateOnly.Parse(from), DateOnly.Parse(to)));
    }

    [Fact]
    public void WholeWeeks_NeverOverflow_AtTheEndsOfTheCalendar()
    {
        Assert.Equal((DateOnly.MinValue, DateOnly.MinValue), Periods.WholeWeeks(DateOnly.MinValue, DateOnly.MinValue.AddDays(6)));
        Assert.Null(Periods.WholeWeeks(DateOnly.MaxValue.AddDays(-3), DateOnly.MaxValue));
    }

    [Property(MaxTest = 12)]
    public bool AccountAndCampaignTotals_EqualTheSumsOfTheAdRows_ForAnyRange(PositiveInt seed) =>
        RollupsAgreeAsync(DatabaseProvider.Sqlite, seed.Get).GetAwaiter().GetResult();

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AccountAndCampaignTotals_EqualTheSumsOfTheAdRows_OnEachDatabase(DatabaseProvider provider)
    {
        Assert.True(await RollupsAgreeAsync(provider, 7));
    }

    /// <summary>Saves random batches with repeats (the last value wins), then compares every rollup-backed total with the ad rows.</summary>
    private static async Task<bool> RollupsAgreeAsync(DatabaseProvider provider, int seed)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await CreateAsync(db);
        var random = new Random(seed);
        var ads = w.Usd.Ads.Concat(w.Eur.Ads).ToArray();
        var saved = new Dictionary<(long Ad, DateOnly Day), MetricInput>();
        for (var b = 0; b < 3; b++)
        {
            var batch = Enumerable.Range(0, 60)
                .Select(_ => Row(ads[random.Next(ads.Length)], Start.AddDays(random.Next(70)), random.Next(0, 100_000) / 100m,
                    random.Next(0, 9_000), random.Next(0, 300), random.Next(0, 9), random.Next(0, 900_000) / 100m))
                .GroupBy(r => (r.AdId, r.Date)).Select(g => g.Last()).ToList();
            await w.SaveAsync([.. batch]);
            batch.ForEach(r => saved[(r.AdId, r.Date)] = r);
        }

        await using var context = db.CreateDbContext();
        var owners = await (from ad in context.Ads
                            join set in context.AdSets on ad.AdSetId equals set.Id
                            join campaign in context.Campaigns on set.CampaignId equals campaign.Id
                            where ad.UserId == w.UserId
                            select new { ad.Id, CampaignId = campaign.Id, campaign.AdAccountId }).ToDictionaryAsync(a => a.Id);
        for (var i = 0; i < 8; i++)
        {
            var from = Start.AddDays(random.Next(-3, 70));
            var to = from.AddDays(random.Next(0, 45));
            var inRange = saved.Where(kv => kv.Key.Day >= from && kv.Key.Day <= to).Select(kv => (Row: kv.Value, Owner: owners[kv.Key.Ad])).ToList();

            // All accounts → one row per campaign (and currency).
            var breakdown = await w.Queries.BreakdownAsync(w.UserId, new ReportScope { From = from, To = to });
            foreach (var row in breakdown.Rows)
            {
                var mine = inRange.Where(r => r.Owner.CampaignId == row.Id).Select(r => r.Row).ToList();
                if (row.Spend != mine.Sum(r => r.Spend) || row.Revenue != mine.Sum(r => r.Revenue) || row.Clicks != mine.Sum(r => r.Clicks)
                    || row.Impressions != mine.Sum(r => r.Impressions) || row.Conversions != mine.Sum(r => r.Conversions))
                {
                    return false;
                }
            }

            // One account's totals, and one campaign's.
            var account = await w.Queries.SummaryAsync(w.UserId, new ReportScope { From = from, To = to, AdAccountId = w.Eur.AccountId, EntityId = w.Eur.AccountId });
            var accountRows = inRange.Where(r => r.Owner.AdAccountId == w.Eur.AccountId).Select(r => r.Row).ToList();
            var campaignId = w.Usd.Campaigns[i % 2];
            var campaign = await w.Queries.SummaryAsync(w.UserId, new ReportScope { From = from, To = to, Level = ReportLevel.Campaign, EntityId = campaignId });
            var campaignRows = inRange.Where(r => r.Owner.CampaignId == campaignId).Select(r => r.Row).ToList();
            if (!Same(account, accountRows) || !Same(campaign, campaignRows))
            {
                return false;
            }

            // All accounts: one block per currency.
            var all = await w.Queries.SummaryAsync(w.UserId, new ReportScope { From = from, To = to });
            foreach (var currency in new[] { "USD", "EUR" })
            {
                var block = all with { Totals = [.. all.Totals.Where(t => t.Currency == currency)] };
                var tree = currency == "USD" ? w.Usd : w.Eur;
                if (!Same(block, inRange.Where(r => r.Owner.AdAccountId == tree.AccountId).Select(r => r.Row).ToList()))
                {
                    return false;
                }
            }

            // One account's daily series.
            var series = await w.Queries.MetricsAsync(w.UserId, new ReportScope { From = from, To = to, EntityId = w.Usd.AccountId }, ReportGranularity.Day);
            var expected = inRange.Where(r => r.Owner.AdAccountId == w.Usd.AccountId).GroupBy(r => r.Row.Date).OrderBy(g => g.Key)
                .Select(g => (g.Key, g.Sum(r => r.Row.Spend), g.Sum(r => r.Row.Clicks), g.Sum(r => r.Row.Revenue)));
            if (!(series.Series.SingleOrDefault()?.Points ?? []).Select(p => (p.Period, p.Spend, p.Clicks, p.Revenue)).SequenceEqual(expected))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Same(SummaryReport report, List<MetricInput> rows)
    {
        var totals = report.Totals.SingleOrDefault()?.Current;
        return totals is null
            ? rows.Count == 0
            : (totals.Spend, totals.Impressions, totals.Clicks, totals.Conversions, totals.Revenue)
              == (rows.Sum(r => r.Spend), rows.Sum(r => r.Impressions), rows.Sum(r => r.Clicks), rows.Sum(r => r.Conversions), rows.Sum(r => r.Revenue));
    }

    /// <summary>An installation upgraded with data in the day rollup gets its weeks and account days filled in by the migrations.</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Upgrade_FillsTheWeekAndAccountRollups_FromTheExistingDays(DatabaseProvider provider)
    {
        // The world (users, accounts, campaigns) is written with today's model, then the schema goes back to before the
        // week rollup: later migrations may change those tables, and the model must match the schema it writes to.
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await CreateAsync(db);
        await using (var context = db.CreateDbContext())
        {
            var migrator = context.GetService<IMigrator>();
            var migrations = context.Database.GetMigrations().ToList();
            var weeks = migrations.FindIndex(m => m.EndsWith("_ReportWeeks", StringComparison.Ordinal));
            Assert.True(weeks < migrations.FindIndex(m => m.EndsWith("_ReportAccountDays", StringComparison.Ordinal)));
            await migrator.MigrateAsync(migrations[weeks - 1]);
        }

        // Written before the upgrade: the ad rows and the day rollup, Sunday 2025-06-01 to Tuesday 2025-06-10.
        await using (var context = db.CreateDbContext())
        {
            var campaign = w.Usd.Campaigns[0];
            context.ReportCampaignDays.AddRange(Enumerable.Range(0, 10).Select(d => new ReportCampaignDay
            {
                UserId = w.UserId, AdAccountId = w.Usd.AccountId, CampaignId = w.Usd.Campaigns[0], Date = new DateOnly(2025, 6, 1).AddDays(d), Currency = "USD",
                Spend = 10.25m + d, Impressions = 100 + d, Clicks = 10, Conversions = 1, Revenue = 20.5m,
            }));
            await context.SaveChangesAsync();
            await context.Database.MigrateAsync();
        }

        await using (var context = db.CreateDbContext())
        {
            var weeks = await context.ReportCampaignWeeks.OrderBy(r => r.Date).ToListAsync();
            Assert.Equal([new DateOnly(2025, 5, 26), new DateOnly(2025, 6, 2), new DateOnly(2025, 6, 9)], weeks.Select(r => r.Date));
            Assert.Equal([10.25m, Enumerable.Range(1, 7).Sum(d => 10.25m + d), 10.25m + 8 + 10.25m + 9], weeks.Select(r => r.Spend));
            Assert.Equal([100L, 7 * 100 + 28, 2 * 100 + 17], weeks.Select(r => r.Impressions));
            Assert.All(weeks, r => Assert.Equal(("USD", w.UserId, w.Usd.AccountId), (r.Currency, r.UserId, r.AdAccountId)));
            var accountDays = await context.ReportAccountDays.OrderBy(r => r.Date).ToListAsync();
            Assert.Equal(Enumerable.Range(0, 10).Select(d => 10.25m + d), accountDays.Select(r => r.Spend));
            Assert.All(accountDays, r => Assert.Equal(("USD", w.UserId, w.Usd.AccountId), (r.Currency, r.UserId, r.AdAccountId)));
        }

        var total = await w.Queries.SummaryAsync(w.UserId, new ReportScope { From = new DateOnly(2025, 6, 1), To = new DateOnly(2025, 6, 10) });
        Assert.Equal(Enumerable.Range(0, 10).Sum(d => 10.25m + d), total.Totals.Single().Current.Spend);
    }

    /// <summary>
    /// Two writers saving different campaigns of one ad account at the same time (an API batch during a sync): the
    /// account rollup, rebuilt by both, still equals the ad rows afterwards.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ConcurrentWriters_OfOneAccount_KeepItsRollupExact(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var w = await CreateAsync(db);
        var days = Enumerable.Range(0, 5).Select(d => Start.AddDays(d)).ToList();
        for (var round = 0; round < 12; round++)
        {
            // Campaign 1's ads and campaign 2's ads, same days, saved concurrently through separate services (separate contexts).
            var first = w.Usd.Ads.Take(4).SelectMany(ad => days.Select(d => Row(ad, d, 10m + round))).ToArray();
            var second = w.Usd.Ads.Skip(4).SelectMany(ad => days.Select(d => Row(ad, d, 20m + round))).ToArray();
            await Task.WhenAll(
                Task.Run(() => w.Reports.SaveAsync(w.UserId, new SaveMetricsRequest { Metrics = [.. first] })),
                Task.Run(() => w.Reports.SaveAsync(w.UserId, new SaveMetricsRequest { Metrics = [.. second] })));

            await using var context = db.CreateDbContext();
            var accountDays = await context.ReportAccountDays.Where(r => r.AdAccountId == w.Usd.AccountId).OrderBy(r => r.Date).Select(r => r.Spend).ToListAsync();
            Assert.Equal(days.Select(_ => 4 * (10m + round) + 4 * (20m + round)), accountDays);
        }
    }
}
