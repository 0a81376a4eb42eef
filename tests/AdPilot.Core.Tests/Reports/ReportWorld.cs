using AdPilot.Core.AdAccounts;
using AdPilot.Core.Campaigns;
using AdPilot.Core.Reports;
using AdPilot.Core.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AdPilot.Core.Tests.Reports;

/// <summary>
/// A user with a USD and an EUR account, each with 2 campaigns × 2 ad sets × 2 ads, written straight to the
/// database (no platform), and the report services over them.
/// </summary>
internal sealed record ReportWorld(TestDatabase Db, FakeTimeProvider Clock, ReportService Reports, ReportQueries Queries, long UserId, ReportWorld.Tree Usd, ReportWorld.Tree Eur)
{
    public sealed record Tree(long AccountId, long[] Campaigns, long[] AdSets, long[] Ads);

    public static async Task<ReportWorld> CreateAsync(TestDatabase db, string email = "reports@example.com", int retentionDays = 400)
    {
        var clock = TestClock.At2026();
        var user = await Seed.UserAsync(db, email);
        var usd = await TreeAsync(db, user, "USD", $"{email}-usd");
        var eur = await TreeAsync(db, user, "EUR", $"{email}-eur");
        var reports = new ReportService(db, clock, Options.Create(new ReportOptions { RetentionDays = retentionDays }));
        return new ReportWorld(db, clock, reports, new ReportQueries(db, clock), user, usd, eur);
    }

    public static async Task<Tree> TreeAsync(TestDatabase db, long userId, string currency, string platformId)
    {
        await using var context = db.CreateDbContext();
        var now = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var account = new AdAccount { UserId = userId, PlatformAccountId = platformId, Name = $"{currency} account", Currency = currency, CreatedAt = now, UpdatedAt = now };
        context.AdAccounts.Add(account);
        await context.SaveChangesAsync();
        var campaigns = Enumerable.Range(1, 2).Select(c => new Campaign
        {
            UserId = userId, AdAccountId = account.Id, Name = $"{currency} campaign {c}", Currency = currency, Status = DeliveryStatus.Active,
            BudgetType = BudgetType.Daily, Budget = 100m, CreatedAt = now, UpdatedAt = now,
            AdSets = Enumerable.Range(1, 2).Select(s => new AdSet
            {
                UserId = userId, Name = $"{currency} set {c}.{s}", Status = DeliveryStatus.Active, CreatedAt = now, UpdatedAt = now,
                Ads = Enumerable.Range(1, 2).Select(a => new Ad { UserId = userId, Name = $"{currency} ad {c}.{s}.{a}", Status = DeliveryStatus.Active, CreatedAt = now, UpdatedAt = now }).ToList(),
            }).ToList(),
        }).ToList();
        context.Campaigns.AddRange(campaigns);
        await context.SaveChangesAsync();
        return new Tree(account.Id, campaigns.Select(c => c.Id).ToArray(), campaigns.SelectMany(c => c.AdSets).Select(s => s.Id).ToArray(),
            campaigns.SelectMany(c => c.AdSets).SelectMany(s => s.Ads).Select(a => a.Id).ToArray());
    }

    public static MetricInput Row(long adId, DateOnly date, decimal spend, long impressions = 1000, long clicks = 10, long conversions = 1, decimal revenue = 0m) =>
        new() { AdId = adId, Date = date, Spend = spend, Impressions = impressions, Clicks = clicks, Conversions = conversions, Revenue = revenue };

    public Task SaveAsync(params MetricInput[] rows) => Reports.SaveAsync(UserId, new SaveMetricsRequest { Metrics = [.. rows] });
}
