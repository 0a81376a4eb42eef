using AdPilot.Core.AdAccounts;
using AdPilot.Core.Campaigns;
using AdPilot.Core.Data;
using AdPilot.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Reports;

/// <summary>
/// Demo data (<c>Demo:SeedYear</c>): a user <see cref="Email"/> (dev sign-in) with three ad accounts (USD, EUR, GBP) × 4
/// campaigns × 3 ad sets × 2 ads and a year of deterministic daily numbers up to yesterday, shaped so each suggestion
/// rule fires once. Runs once: nothing happens when the demo user already has accounts.
/// </summary>
public sealed class ReportDemo(IDbContextFactory<AppDbContext> dbFactory, UserService users, ReportService reports, TimeProvider clock)
{
    public const string Email = "demo@adpilot.local";

    public async Task<int> SeedYearAsync(CancellationToken ct = default)
    {
        var user = (await users.SignInAsync(new ExternalIdentity(AuthProviders.Dev, Email, Email, "Demo agency", null), ct)).Id;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.AdAccounts.AnyAsync(a => a.UserId == user, ct))
        {
            return 0;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var yesterday = DateOnly.FromDateTime(now).AddDays(-1);
        var saved = 0;
        foreach (var (currency, a) in new[] { "USD", "EUR", "GBP" }.Select((c, i) => (c, i)))
        {
            // No tokens: the demo accounts are never synced from a platform, only shown. Their numbers are as of the seeding,
            // which is what "last synced" tells the dashboard (a never-synced account is one still waiting for its first sync).
            var account = new AdAccount
            {
                UserId = user, Platform = AdPlatformKind.Simulated, PlatformAccountId = $"demo-{a + 1}", Name = $"Demo {currency} store", Currency = currency,
                TimeZone = "UTC", IsActive = a == 0, CreatedAt = now, UpdatedAt = now, LastSyncedAt = now,
            };
            var campaigns = Enumerable.Range(1, 4).Select(c => new Campaign
            {
                UserId = user, AdAccount = account, Name = $"{currency} {Themes[c - 1]}", Currency = currency, Status = DeliveryStatus.Active,
                Objective = CampaignObjective.Sales, BudgetType = BudgetType.Daily, Budget = c == 3 ? 300m : 1000m, SyncStatus = SyncStatus.Synced, CreatedAt = now, UpdatedAt = now,
                AdSets = Enumerable.Range(1, 3).Select(s => new AdSet
                {
                    UserId = user, Name = $"{Themes[c - 1]} · {Audiences[s - 1]}", Status = DeliveryStatus.Active, SyncStatus = SyncStatus.Synced, CreatedAt = now, UpdatedAt = now,
                    Ads = Enumerable.Range(1, 2).Select(x => new Ad
                    {
                        UserId = user, Name = $"{Audiences[s - 1]} ad {x}", Status = DeliveryStatus.Active, SyncStatus = SyncStatus.Synced, CreatedAt = now, UpdatedAt = now,
                    }).ToList(),
                }).ToList(),
            }).ToList();
            db.Campaigns.AddRange(campaigns);
            await db.SaveChangesAsync(ct);
            var rows = new List<ReportMetric>();
            foreach (var (campaign, c) in campaigns.Select((x, i) => (x, i)))
            {
                foreach (var (set, s) in campaign.AdSets.Select((x, i) => (x, i)))
                {
                    foreach (var ad in set.Ads)
                    {
                        for (var day = yesterday.AddDays(-364); day <= yesterday; day = day.AddDays(1))
                        {
                            rows.Add(Row(user, account.Id, campaign.Id, set.Id, ad.Id, day, currency, yesterday.DayNumber - day.DayNumber, c, s));
                        }
                    }
                }
            }

            db.ChangeTracker.Clear();
            await reports.UpsertAsync(db, rows, ct);
            saved += rows.Count;
        }

        return saved;
    }

    private static readonly string[] Themes = ["Spring sale", "Brand search", "Bestsellers", "Retargeting"];
    private static readonly string[] Audiences = ["Lookalike", "Broad", "Interests"];

    /// <summary>
    /// Weekly seasonality and noise from a hash of (ad, day). Campaign 1 loses half its revenue in the last week (ROAS
    /// drop), ad set 2 of campaign 2 converts a third as well (high CPA), campaign 3 spends its whole budget at a ROAS
    /// near 4 (budget-limited winner).
    /// </summary>
    private static ReportMetric Row(long user, long account, long campaign, long adSet, long ad, DateOnly day, string currency, int daysAgo, int c, int s)
    {
        var h = (ad * 7919 + day.DayNumber * 104729L) % 1000 / 1000m; // stable across runs, unlike HashCode
        var weekday = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.8m : 1.05m;
        var spend = decimal.Round((c == 2 ? 52m : 20m + (ad % 7) * 4) * weekday * (0.85m + h * 0.3m), 2);
        var impressions = (long)(spend * (90 + (ad % 5) * 10));
        var clicks = impressions * (8 + ad % 9) / 1000;
        var conversions = clicks * (3 + (long)(h * 4)) / 100 / (c == 1 && s == 1 ? 3 : 1);
        var orderValue = c == 2 ? 70m : 30m + (ad % 11) * 3;
        var revenue = decimal.Round(conversions * orderValue * (c == 0 && daysAgo < 7 ? 0.5m : 1m), 2);
        return new ReportMetric
        {
            UserId = user, AdAccountId = account, CampaignId = campaign, AdSetId = adSet, AdId = ad, Date = day, Spend = spend, Impressions = impressions,
            Clicks = clicks, Conversions = conversions, Revenue = revenue, Currency = currency,
        };
    }
}
