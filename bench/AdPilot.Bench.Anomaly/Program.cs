using System.Diagnostics;
using AdPilot.Core.AdAccounts;
using AdPilot.Core.Anomalies;
using AdPilot.Core.Campaigns;
using AdPilot.Core.Data;
using AdPilot.Core.Identity;
using AdPilot.Core.Notifications;
using AdPilot.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// One hourly anomaly run over 20 accounts x 500 campaigns with a year of campaign-day rows (3,650,000), on SQLite.
var accounts = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20;
const int CampaignsPerAccount = 500;
const int Days = 365;
var file = Path.Combine(Path.GetTempPath(), $"adpilot-bench-anomaly-{Guid.NewGuid():N}.db");
var services = new ServiceCollection();
services.AddDbContextFactory<AppDbContext>(o => DatabaseSetup.Configure(o, DatabaseProvider.Sqlite, $"Data Source={file}", ""));
var factory = services.BuildServiceProvider().GetRequiredService<IDbContextFactory<AppDbContext>>();
try
{
    await using (var db = await factory.CreateDbContextAsync())
    {
        await db.Database.MigrateAsync();
    }

    var clock = TimeProvider.System;
    var now = clock.GetUtcNow().UtcDateTime;
    var watch = Stopwatch.StartNew();
    var user = (await new UserService(factory, clock, Options.Create(new AdminOptions())).SignInAsync(new ExternalIdentity(AuthProviders.Dev, "bench@example.com", "bench@example.com", null, null))).Id;
    await using (var db = await factory.CreateDbContextAsync())
    {
        for (var a = 0; a < accounts; a++)
        {
            var account = new AdAccount
            {
                UserId = user, PlatformAccountId = $"bench-{a}", Name = $"Account {a + 1}", Currency = "USD", TimeZone = a % 2 == 0 ? "America/New_York" : "Europe/Berlin",
                CreatedAt = now, UpdatedAt = now, LastSyncedAt = now,
            };
            db.AdAccounts.Add(account);
            await db.SaveChangesAsync();
            db.Campaigns.AddRange(Enumerable.Range(1, CampaignsPerAccount).Select(c => new Campaign
            {
                UserId = user, AdAccountId = account.Id, Name = $"A{a + 1} campaign {c}", Currency = "USD", Status = DeliveryStatus.Active,
                BudgetType = BudgetType.Daily, Budget = 100m, CreatedAt = now, UpdatedAt = now, SyncStatus = SyncStatus.Synced,
            }));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE BenchDays (d INTEGER NOT NULL PRIMARY KEY)");
        await db.Database.ExecuteSqlRawAsync("INSERT INTO BenchDays (d) VALUES " + string.Join(",", Enumerable.Range(0, Days).Select(d => $"({d})")));
        var first = DateOnly.FromDateTime(now).AddDays(1 - Days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        // Spend with a weekly pattern and pseudo-random noise per campaign and day; the ratios follow from it. SQLite stores
        // money as fixed-point integers (MoneyPrecision.Factor units per currency unit), so raw SQL scales amounts by it.
        const long money = AdPilot.Core.Data.MoneyPrecision.Factor;
        await db.Database.ExecuteSqlRawAsync($"""
            INSERT INTO ReportCampaignDays (UserId, AdAccountId, CampaignId, Date, Currency, Spend, Impressions, Clicks, Conversions, Revenue)
            SELECT c.UserId, c.AdAccountId, c.Id, date('{first}', '+' || b.d || ' days'), 'USD',
                   (50 + (c.Id * 7 + b.d * 13) % 40 + (b.d % 7) * 5) * {money}, 8000 + (c.Id * 31 + b.d * 17) % 3000, 120 + (c.Id + b.d * 3) % 50,
                   3 + (c.Id * 5 + b.d) % 6, (150 + (c.Id * 11 + b.d * 7) % 200) * {money}
            FROM Campaigns c CROSS JOIN BenchDays b
            """);
        // Today is a partial day, as the sync stores it: each account's numbers so far along the intraday curve.
        var today = DateOnly.FromDateTime(now).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var zone in new[] { "America/New_York", "Europe/Berlin" })
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(now, TimeZoneInfo.FindSystemTimeZoneById(zone));
            var share = IntradayCurve.ShareAt(TimeOnly.FromDateTime(local)).ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);
            await db.Database.ExecuteSqlRawAsync($"""
                UPDATE ReportCampaignDays SET Spend = CAST(Spend * {share} AS INTEGER), Impressions = CAST(Impressions * {share} AS INTEGER),
                    Clicks = CAST(Clicks * {share} AS INTEGER), Conversions = CAST(Conversions * {share} AS INTEGER), Revenue = CAST(Revenue * {share} AS INTEGER)
                WHERE Date = '{today}' AND AdAccountId IN (SELECT Id FROM AdAccounts WHERE TimeZone = '{zone}')
                """);
        }

        // A few real anomalies, so the run also opens episodes and raises their notifications: every 100th campaign
        // spends 4x today, every 250th converts nothing.
        await db.Database.ExecuteSqlRawAsync($"UPDATE ReportCampaignDays SET Spend = Spend * 4 WHERE Date = '{today}' AND CampaignId % 100 = 0");
        await db.Database.ExecuteSqlRawAsync($"UPDATE ReportCampaignDays SET Conversions = 0, Revenue = 0 WHERE Date = '{today}' AND CampaignId % 250 = 0");
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
    }

    Console.WriteLine($"seeded {accounts} accounts x {CampaignsPerAccount} campaigns x {Days} days in {watch.Elapsed.TotalSeconds:0.0} s");
    var notifications = new NotificationService(factory, clock, new NoChannels(), new NoChannels(), NullLogger<NotificationService>.Instance);
    var service = new AnomalyService(factory, notifications, clock, Options.Create(new AnomalyOptions()), NullLogger<AnomalyService>.Instance);
    for (var run = 1; run <= 2; run++)
    {
        watch.Restart();
        var result = await service.RunAsync();
        Console.WriteLine($"run {run}: {watch.Elapsed.TotalSeconds:0.00} s ({result.Judged} judged, {result.Opened} opened, {result.Resolved} resolved, {result.StillOpen} still open)");
    }
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    File.Delete(file);
}

internal sealed class NoChannels : INotificationPush, INotificationEmailQueue
{
    public Task PushAsync(long userId, NotificationView notification, CancellationToken ct) => Task.CompletedTask;

    public void Enqueue(long notificationId)
    {
    }
}
