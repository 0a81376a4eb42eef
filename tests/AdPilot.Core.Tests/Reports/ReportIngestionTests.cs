using AdPilot.Core.AdAccounts;
using AdPilot.Core.Data;
using AdPilot.Core.Reports;
using AdPilot.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AdPilot.Core.Tests.Reports;

/// <summary>Ingestion from the simulated platform: 90 days at first, idempotent, the look-back window re-fetched and replaced.</summary>
public sealed class ReportIngestionTests
{
    private static readonly Uri Callback = new("http://localhost:5080/api/v1/ad-accounts/callback/simulated");

    private static async Task<(ReportIngestion Ingestion, ReportQueries Queries, Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock, long UserId, IReadOnlyList<AdAccountView> Bound)> WorldAsync(TestDatabase db)
    {
        var clock = TestClock.At2026();
        var platform = ServiceFactory.Simulated(clock);
        var accounts = ServiceFactory.AdAccounts(db, clock, platform);
        var user = await Seed.UserAsync(db);
        var consent = await accounts.ConnectAsync(user, AdPlatformKind.Simulated, Callback);
        var query = System.Web.HttpUtility.ParseQueryString(consent.AuthorizeUrl.Query);
        var bound = await accounts.CompleteAsync(user, AdPlatformKind.Simulated, platform.IssueCode(user, query["code_challenge"], Callback), query["state"], null);
        var options = Options.Create(new ReportOptions());
        var reports = new ReportService(db, clock, options);
        var ingestion = new ReportIngestion(db, ServiceFactory.Campaigns(db, clock, accounts), accounts, reports, clock, options, NullLogger<ReportIngestion>.Instance);
        return (ingestion, new ReportQueries(db, clock), clock, user, bound);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Sync_FirstPulls90Days_AndSyncingAgainChangesNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (ingestion, queries, _, user, bound) = await WorldAsync(db);
        var account = bound.Single(a => a.Currency == "USD").Id;

        var first = await ingestion.SyncAsync(user, account);
        var rows = await SnapshotAsync(db);
        var second = await ingestion.SyncAsync(user, account);

        Assert.Equal((new DateOnly(2026, 8, 29), new DateOnly(2026, 11, 26)), (first.From, first.To)); // 90 days in New York
        Assert.True(first.Rows > 500, $"{first.Rows} rows");
        Assert.Equal(new DateOnly(2026, 11, 19), second.From); // look-back of 7 days
        Assert.Equal(rows, await SnapshotAsync(db));
        await using var context = db.CreateDbContext();
        Assert.NotNull((await context.AdAccounts.SingleAsync(a => a.Id == account)).LastSyncedAt);
        Assert.All(context.ReportMetrics, m => Assert.Equal(("USD", user), (m.Currency, m.UserId)));
        var summary = await queries.SummaryAsync(user, new ReportScope { From = first.From, To = first.To, AdAccountId = account });
        Assert.Equal(context.ReportMetrics.AsEnumerable().Sum(m => m.Spend), Assert.Single(summary.Totals).Current.Spend);
    }

    /// <summary>Binding queues the first sync of every account at once: they run side by side and both land.</summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FirstSyncs_OfTwoAccounts_RunSideBySide(DatabaseProvider provider)
    {
        for (var round = 0; round < 5; round++)
        {
            await using var db = await TestDatabase.CreateAsync(provider);
            var (ingestion, _, _, user, bound) = await WorldAsync(db);

            var results = await Task.WhenAll(bound.Select(a => Task.Run(() => ingestion.SyncAsync(user, a.Id))));

            Assert.All(results, r => Assert.True(r.Rows > 500, $"{r.Rows} rows"));
            await using var context = db.CreateDbContext();
            Assert.All(await context.AdAccounts.ToListAsync(), a => Assert.NotNull(a.LastSyncedAt));
        }
    }

    [Fact]
    public async Task Sync_LookBackWindow_ReplacesChangedDays_WithoutDoubleCounting()
    {
        await using var db = await TestDatabase.CreateAsync();
        var (ingestion, queries, clock, user, bound) = await WorldAsync(db);
        var account = bound.Single(a => a.Currency == "EUR").Id;
        await ingestion.SyncAsync(user, account);
        var lateDay = new DateOnly(2026, 11, 24);
        await using (var context = db.CreateDbContext())
        {
            // As if the platform had not yet counted that day's conversions when it was first fetched.
            await context.ReportMetrics.Where(m => m.Date == lateDay).ExecuteUpdateAsync(s => s.SetProperty(m => m.Conversions, 0L).SetProperty(m => m.Spend, 0m));
        }

        var expected = await SnapshotAsync(db);
        clock.Advance(TimeSpan.FromHours(6));
        await ingestion.SyncAsync(user, account);

        var after = await SnapshotAsync(db);
        Assert.Equal(expected.Count, after.Count);
        await using var check = db.CreateDbContext();
        Assert.All(check.ReportMetrics.Where(m => m.Date == lateDay), m => Assert.True(m.Spend > 0));
        var summary = await queries.SummaryAsync(user, new ReportScope { From = lateDay, To = lateDay });
        Assert.Equal(check.ReportMetrics.Where(m => m.Date == lateDay).AsEnumerable().Sum(m => m.Spend), Assert.Single(summary.Totals).Current.Spend);
    }

    [Fact]
    public async Task SyncAll_SyncsEveryActiveAccount()
    {
        await using var db = await TestDatabase.CreateAsync();
        var (ingestion, queries, _, user, bound) = await WorldAsync(db);

        Assert.Equal(bound.Count, await ingestion.SyncAllAsync());

        var summary = await queries.SummaryAsync(user, new ReportScope { From = new DateOnly(2026, 11, 1), To = new DateOnly(2026, 11, 25) });
        Assert.Equal(["EUR", "USD"], summary.Totals.Select(t => t.Currency));
    }

    private static async Task<List<string>> SnapshotAsync(TestDatabase db)
    {
        await using var context = db.CreateDbContext();
        return (await context.ReportMetrics.Select(m => new { m.AdId, m.Date, m.Spend, m.Impressions, m.Clicks, m.Conversions, m.Revenue }).ToListAsync())
            .Select(m => m.ToString()!).Order(StringComparer.Ordinal).ToList();
    }
}
