using System.Data.Common;
using AdPilot.Core.Data;
using AdPilot.Core.Reports;
using AdPilot.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using static AdPilot.Core.Tests.Reports.ReportWorld;

namespace AdPilot.Core.Tests.Reports;

/// <summary>
/// Report reads hold one connection for the whole operation (on MariaDB each open from the pool costs a session reset
/// round trip) and read a range's week rollup and edge days in one statement.
/// </summary>
public sealed class ReportRoundTripTests
{
    private static readonly DateOnly To = new(2026, 11, 25);
    private static readonly DateOnly From = To.AddDays(-89); // 90 days: whole weeks plus edge days

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Breakdown_OneAccountOver90Days_OneConnectionThreeStatements(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (queries, counter, w) = await ArrangeAsync(db);

        var report = await queries.BreakdownAsync(w.UserId, new ReportScope { From = From, To = To, Level = ReportLevel.Account, EntityId = w.Usd.AccountId });

        Assert.Equal(2, report.Rows.Count);
        Assert.Equal(90 * 10m, report.Rows.Sum(r => r.Spend)); // the edges and the weeks, each read once
        Assert.Equal((1, 3), (counter.Opened, counter.Commands)); // the campaigns with their names, the edge days, the whole weeks
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Summary_AllAccountsOver90Days_OneConnectionTwoStatements(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (queries, counter, w) = await ArrangeAsync(db);

        var summary = await queries.SummaryAsync(w.UserId, new ReportScope { From = From, To = To });

        Assert.Equal(90 * 10m, Assert.Single(summary.Totals).Current.Spend);
        Assert.Equal((1, 2), (counter.Opened, counter.Commands)); // the range and the range before it
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Breakdown_AdSet_ReadsLiveAndArchivedRowsInOneStatement(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (queries, counter, w) = await ArrangeAsync(db);

        var report = await queries.BreakdownAsync(w.UserId, new ReportScope { From = From, To = To, Level = ReportLevel.AdSet, EntityId = w.Usd.AdSets[0] });

        Assert.Equal(90 * 10m, report.Rows.Sum(r => r.Spend));
        Assert.Equal((1, 3), (counter.Opened, counter.Commands)); // the ad set (owner check), its ads, their sums
    }

    private static async Task<(ReportQueries Queries, Counter Counter, ReportWorld World)> ArrangeAsync(TestDatabase db)
    {
        var w = await CreateAsync(db);
        var rows = Enumerable.Range(0, 90).Select(d => Row(w.Usd.Ads[0], From.AddDays(d), 10m)).ToArray();
        await w.SaveAsync(rows);
        var counter = new Counter();
        var counted = new CountingFactory(new DbContextOptionsBuilder<AppDbContext>(db.Options).AddInterceptors(counter).Options);
        return (new ReportQueries(counted, w.Clock), counter, w);
    }

    private sealed class CountingFactory(DbContextOptions<AppDbContext> options) : IDbContextFactory<AppDbContext>
    {
        public AppDbContext CreateDbContext() => new(options);
    }

    private sealed class Counter : DbCommandInterceptor, IDbConnectionInterceptor
    {
        private int _opened;
        private int _commands;

        public int Opened => _opened;

        public int Commands => _commands;

        public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _opened);
            return ValueTask.FromResult(result);
        }

        public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
        {
            Interlocked.Increment(ref _opened);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _commands);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _commands);
            return ValueTask.FromResult(result);
        }
    }
}
