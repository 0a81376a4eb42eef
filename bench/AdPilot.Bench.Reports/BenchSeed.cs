using System.Diagnostics;
using AdPilot.Core.AdAccounts;
using AdPilot.Core.Campaigns;
using AdPilot.Core.Data;
using AdPilot.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdPilot.Bench.Reports;

/// <summary>
/// The data set: one agency user with N ad accounts (alternately USD and EUR) × 25 campaigns × 4 ad sets × 2 ads, and
/// one row per ad and day for the last D days up to today. Rows older than the 400-day retention window go straight to
/// the archive table, as archival would have left them; the campaign-day rollup is built from both. The entities go in
/// through EF Core; the ad-day rows by INSERT … SELECT on the server (a cross join of the ads with a table of day
/// numbers), with deterministic pseudo-random numbers.
/// </summary>
internal static class BenchSeed
{
    public const int CampaignsPerAccount = 25;
    public const int AdSetsPerCampaign = 4;
    public const int AdsPerAdSet = 2;
    public const int AdsPerAccount = CampaignsPerAccount * AdSetsPerCampaign * AdsPerAdSet;
    public const int RetentionDays = 400;
    public const string Email = "agency@bench.example";

    public sealed record Ids(long UserId, long[] Accounts, long[] Campaigns, long[] AdSets, long[] Ads);

    public static async Task<Ids> RunAsync(IDbContextFactory<AppDbContext> factory, DatabaseProvider provider, int accounts, int days, DateOnly today)
    {
        var clock = TimeProvider.System;
        var users = new UserService(factory, clock, Options.Create(new AdminOptions()));
        var user = (await users.SignInAsync(new ExternalIdentity(AuthProviders.Dev, Email, Email, null, null))).Id;
        var watch = Stopwatch.StartNew();
        var now = DateTime.UtcNow;
        await using (var db = await factory.CreateDbContextAsync())
        {
            for (var a = 0; a < accounts; a++)
            {
                var currency = a % 2 == 0 ? "USD" : "EUR";
                var account = new AdAccount
                {
                    UserId = user, PlatformAccountId = $"bench-{a}", Name = $"Account {a + 1} ({currency})", Currency = currency,
                    TimeZone = a % 2 == 0 ? "America/New_York" : "Europe/Berlin", CreatedAt = now, UpdatedAt = now,
                };
                db.AdAccounts.Add(account);
                await db.SaveChangesAsync();
                db.Campaigns.AddRange(Enumerable.Range(1, CampaignsPerAccount).Select(c => new Campaign
                {
                    UserId = user, AdAccountId = account.Id, Name = $"A{a + 1} campaign {c}", Currency = currency, Status = DeliveryStatus.Active,
                    BudgetType = BudgetType.Daily, Budget = 100m, CreatedAt = now, UpdatedAt = now, SyncStatus = SyncStatus.Synced,
                    AdSets = Enumerable.Range(1, AdSetsPerCampaign).Select(s => new AdSet
                    {
                        UserId = user, Name = $"A{a + 1} C{c} set {s}", Status = DeliveryStatus.Active, CreatedAt = now, UpdatedAt = now, SyncStatus = SyncStatus.Synced,
                        Ads = Enumerable.Range(1, AdsPerAdSet).Select(x => new Ad
                        {
                            UserId = user, Name = $"A{a + 1} C{c} S{s} ad {x}", Status = DeliveryStatus.Active, CreatedAt = now, UpdatedAt = now, SyncStatus = SyncStatus.Synced,
                        }).ToList(),
                    }).ToList(),
                }));
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }

        await using (var db = await factory.CreateDbContextAsync())
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            var sqlite = provider == DatabaseProvider.Sqlite;
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE BenchDays (d INTEGER NOT NULL PRIMARY KEY)");
            for (var start = 0; start < days; start += 500)
            {
                await db.Database.ExecuteSqlRawAsync("INSERT INTO BenchDays (d) VALUES " + string.Join(",", Enumerable.Range(start, Math.Min(500, days - start)).Select(d => $"({d})")));
            }

            var first = today.AddDays(1 - days).ToString("yyyy-MM-dd");
            var cutoff = today.AddDays(-RetentionDays).ToString("yyyy-MM-dd");
            var date = sqlite ? $"date('{first}', '+' || d.d || ' days')" : $"DATE_ADD('{first}', INTERVAL d.d DAY)";
            // Scaled by 10,000: SQLite stores money as fixed-point integers, MariaDB as DECIMAL(18,4).
            var money = sqlite ? "" : " / 10000.0";
            var h = "((a.Id * 7919 + d.d * 104729) % 10007)";
            var div = sqlite ? "/" : "DIV";
            var select = $"""
                SELECT c.UserId, c.AdAccountId, c.Id, s.Id, a.Id, {date},
                  ((1500 + {h} % 7500) * 100){money},
                  2000 + ({h} * 3) % 8000,
                  (2000 + ({h} * 3) % 8000) * (5 + a.Id % 20) {div} 1000,
                  ((2000 + ({h} * 3) % 8000) * (5 + a.Id % 20) {div} 1000) * (1 + {h} % 6) {div} 100,
                  (((2000 + ({h} * 3) % 8000) * (5 + a.Id % 20) {div} 1000) * (1 + {h} % 6) {div} 100 * (250000 + (c.Id % 50) * 20000)){money},
                  c.Currency, '{now:yyyy-MM-dd HH:mm:ss}'
                FROM Ads a JOIN AdSets s ON a.AdSetId = s.Id JOIN Campaigns c ON s.CampaignId = c.Id CROSS JOIN BenchDays d
                WHERE c.UserId = {user}
                """;
            var columns = "UserId, AdAccountId, CampaignId, AdSetId, AdId, Date, Spend, Impressions, Clicks, Conversions, Revenue, Currency, UpdatedAt";
            await db.Database.ExecuteSqlRawAsync($"INSERT INTO ReportMetrics ({columns}) {select} AND {date} >= '{cutoff}'");
            await db.Database.ExecuteSqlRawAsync(
                $"INSERT INTO ReportArchivedMetrics ({columns}, ArchivedAt) {select.Replace("c.Currency, '", "c.Currency, '" + now.ToString("yyyy-MM-dd HH:mm:ss") + "', '", StringComparison.Ordinal)} AND {date} < '{cutoff}'");
            await db.Database.ExecuteSqlRawAsync("DROP TABLE BenchDays");
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO ReportCampaignDays (UserId, AdAccountId, CampaignId, Date, Currency, Spend, Impressions, Clicks, Conversions, Revenue)
                SELECT UserId, AdAccountId, CampaignId, Date, Currency, SUM(Spend), SUM(Impressions), SUM(Clicks), SUM(Conversions), SUM(Revenue)
                FROM (SELECT UserId, AdAccountId, CampaignId, Date, Currency, Spend, Impressions, Clicks, Conversions, Revenue FROM ReportMetrics
                      UNION ALL
                      SELECT UserId, AdAccountId, CampaignId, Date, Currency, Spend, Impressions, Clicks, Conversions, Revenue FROM ReportArchivedMetrics) r
                GROUP BY UserId, AdAccountId, CampaignId, Date, Currency
                """);
            // The week and account rollups as the ReportWeeks and ReportAccountDays migrations fill them from existing days.
            var week = sqlite ? "date(Date, '-' || ((CAST(strftime('%w', Date) AS INTEGER) + 6) % 7) || ' days')" : "DATE_SUB(Date, INTERVAL WEEKDAY(Date) DAY)";
            await db.Database.ExecuteSqlRawAsync($"""
                INSERT INTO ReportCampaignWeeks (UserId, AdAccountId, CampaignId, Date, Currency, Spend, Impressions, Clicks, Conversions, Revenue)
                SELECT UserId, AdAccountId, CampaignId, {week}, Currency, SUM(Spend), SUM(Impressions), SUM(Clicks), SUM(Conversions), SUM(Revenue)
                FROM ReportCampaignDays GROUP BY UserId, AdAccountId, CampaignId, {week}, Currency
                """);
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO ReportAccountDays (UserId, AdAccountId, Date, Currency, Spend, Impressions, Clicks, Conversions, Revenue)
                SELECT UserId, AdAccountId, Date, Currency, SUM(Spend), SUM(Impressions), SUM(Clicks), SUM(Conversions), SUM(Revenue)
                FROM ReportCampaignDays GROUP BY UserId, AdAccountId, Date, Currency
                """);
            await db.Database.ExecuteSqlRawAsync(sqlite ? "ANALYZE" : "ANALYZE TABLE ReportMetrics, ReportArchivedMetrics, ReportCampaignDays, ReportCampaignWeeks, ReportAccountDays");
        }

        Console.WriteLine($"  seeded in {watch.Elapsed.TotalSeconds:0} s");
        await using var read = await factory.CreateDbContextAsync();
        return new Ids(user,
            await read.AdAccounts.Where(a => a.UserId == user).OrderBy(a => a.Id).Select(a => a.Id).ToArrayAsync(),
            await read.Campaigns.Where(c => c.UserId == user).OrderBy(c => c.Id).Select(c => c.Id).ToArrayAsync(),
            await read.AdSets.Where(c => c.UserId == user).OrderBy(c => c.Id).Select(c => c.Id).ToArrayAsync(),
            await read.Ads.Where(c => c.UserId == user).OrderBy(c => c.Id).Select(c => c.Id).ToArrayAsync());
    }
}
