using System.Linq.Expressions;
using AdPilot.Core.Common;
using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Reports;

/// <summary>
/// Reads of the metrics store, all scoped to the owner. Account and campaign scopes read the exact rollups (account-day,
/// campaign-day, campaign-week); ad set and ad scopes read the ad-day rows, live and archived. Sums never mix currencies: every
/// answer has one block (or row) per currency, and <see cref="ReportScope.Currency"/> narrows to one.
/// </summary>
public sealed class ReportQueries(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public async Task<MetricsReport> MetricsAsync(long userId, ReportScope scope, ReportGranularity granularity, CancellationToken ct = default)
    {
        await using var db = await OpenAsync(ct);
        var (from, to) = await RangeAsync(db, userId, scope, ct);
        var days = await SumAsync(db, userId, scope, from, to, RollupKey.None, byDate: true, ct);
        var series = days.GroupBy(d => d.Currency).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CurrencySeries(g.Key, g.GroupBy(d => Periods.Bucket(d.Date, granularity)).OrderBy(b => b.Key)
                .Select(b => b.Aggregate(default(Sums), (acc, d) => acc + d.Sums).Point(b.Key)).ToList()))
            .ToList();
        return new MetricsReport(from, to, scope.Level, granularity, series);
    }

    /// <summary>Totals for the range and for the same number of days just before it, with the % change.</summary>
    public async Task<SummaryReport> SummaryAsync(long userId, ReportScope scope, CancellationToken ct = default)
    {
        await using var db = await OpenAsync(ct);
        var (from, to) = await RangeAsync(db, userId, scope, ct);
        var length = to.DayNumber - from.DayNumber + 1;
        var (previousFrom, previousTo) = (from.AddDays(-length), from.AddDays(-1));
        var current = (await SumAsync(db, userId, scope, from, to, RollupKey.None, false, ct)).ToDictionary(s => s.Currency, s => s.Sums);
        var previous = (await SumAsync(db, userId, scope, previousFrom, previousTo, RollupKey.None, false, ct)).ToDictionary(s => s.Currency, s => s.Sums);
        var totals = current.Keys.Union(previous.Keys).Order(StringComparer.Ordinal).Select(c =>
        {
            var (now, before) = (current.GetValueOrDefault(c).Totals(), previous.GetValueOrDefault(c).Totals());
            return new CurrencySummary(c, now, before, Sums.Change(now, before));
        }).ToList();
        return new SummaryReport(from, to, previousFrom, previousTo, totals);
    }

    /// <summary>
    /// One row per child of the entity: account (or all accounts) → campaigns, campaign → ad sets, ad set → ads, ad → its
    /// creative's totals over every ad that runs it. Children without numbers in the range are listed with zeros.
    /// </summary>
    public async Task<BreakdownReport> BreakdownAsync(long userId, ReportScope scope, string? sort = null, bool descending = true, CancellationToken ct = default)
    {
        RequestValidator.Validate(scope);
        sort = BreakdownSort.Normalize(sort);
        if (scope.Level != ReportLevel.Account && scope.EntityId is null)
        {
            throw ValidationFailedException.For("entityId", "Say which entity to break down.");
        }

        await using var db = await OpenAsync(ct);
        var (from, to) = await RangeAsync(db, userId, scope, ct);
        var children = await ReportChildren.LoadAsync(db, userId, scope, ct);
        var sums = scope.Level switch
        {
            ReportLevel.Account => await SumAsync(db, userId, scope, from, to, RollupKey.Campaign, false, ct),
            ReportLevel.Campaign => await AdRowsAsync(db, userId, scope, from, to, m => m.AdSetId, ct),
            ReportLevel.AdSet => await AdRowsAsync(db, userId, scope, from, to, m => m.AdId, ct),
            _ => await CreativeAsync(db, userId, scope, from, to, children, ct),
        };
        var rows = ReportChildren.Join(children, sums);
        return new BreakdownReport(from, to, scope.Level, scope.EntityId, children.Type, sort, descending, BreakdownSort.Apply(rows, sort, descending));
    }

    /// <summary>The account, campaign and ad set above (or of) one of the user's campaigns, ad sets or ads; null when it is not theirs (or gone).</summary>
    public async Task<ReportEntityPath?> LocateAsync(long userId, ReportLevel level, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return level switch
        {
            ReportLevel.Campaign => await db.Campaigns.Where(c => c.Id == id && c.UserId == userId)
                .Select(c => new ReportEntityPath(c.AdAccountId, c.Id, null, level, id)).SingleOrDefaultAsync(ct),
            ReportLevel.AdSet => await (from s in db.AdSets join c in db.Campaigns on s.CampaignId equals c.Id
                                        where s.Id == id && s.UserId == userId
                                        select new ReportEntityPath(c.AdAccountId, c.Id, null, level, id)).SingleOrDefaultAsync(ct),
            ReportLevel.Ad => await (from x in db.Ads join s in db.AdSets on x.AdSetId equals s.Id join c in db.Campaigns on s.CampaignId equals c.Id
                                     where x.Id == id && x.UserId == userId
                                     select new ReportEntityPath(c.AdAccountId, c.Id, s.Id, level, id)).SingleOrDefaultAsync(ct),
            _ => null,
        };
    }

    /// <summary>
    /// Throws not-found when the scope names an ad account or entity that is not the user's. The sums are owner-scoped
    /// anyway (a foreign id reads as no numbers); callers that must tell "not yours" from "no numbers" ask this.
    /// </summary>
    public async Task EnsureOwnedAsync(long userId, ReportScope scope, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (scope.AdAccountId is { } account && !await db.AdAccounts.AnyAsync(a => a.Id == account && a.UserId == userId, ct))
        {
            throw new NotFoundException("AdAccount", account);
        }

        if (scope.EntityId is not { } id)
        {
            return;
        }

        var owned = scope.Level switch
        {
            ReportLevel.Account => await db.AdAccounts.AnyAsync(a => a.Id == id && a.UserId == userId, ct),
            ReportLevel.Campaign => await db.Campaigns.AnyAsync(c => c.Id == id && c.UserId == userId, ct),
            ReportLevel.AdSet => await db.AdSets.AnyAsync(s => s.Id == id && s.UserId == userId, ct),
            _ => await db.Ads.AnyAsync(a => a.Id == id && a.UserId == userId, ct),
        };
        if (!owned)
        {
            throw new NotFoundException(scope.Level == ReportLevel.Account ? "AdAccount" : scope.Level.ToString(), id);
        }
    }

    /// <summary>The user's today in their time zone: the default end of a range, and what "today" means on the dashboard.</summary>
    public async Task<DateOnly> TodayAsync(long userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return Periods.Today(clock, await db.Users.Where(u => u.Id == userId).Select(u => u.TimeZone).SingleOrDefaultAsync(ct));
    }

    /// <summary>
    /// A context whose connection stays open until it is disposed: EF otherwise opens and closes it around every statement,
    /// and each open from MySqlConnector's pool resets the session (a reset and <c>SET NAMES</c> round trip per statement).
    /// </summary>
    private async Task<AppDbContext> OpenAsync(CancellationToken ct)
    {
        var db = await dbFactory.CreateDbContextAsync(ct);
        try
        {
            await db.Database.OpenConnectionAsync(ct);
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    internal async Task<(DateOnly From, DateOnly To)> RangeAsync(AppDbContext db, long userId, ReportScope scope, CancellationToken ct)
    {
        RequestValidator.Validate(scope);
        var to = scope.To ?? Periods.Today(clock, await db.Users.Where(u => u.Id == userId).Select(u => u.TimeZone).SingleOrDefaultAsync(ct));
        var from = scope.From ?? to.AddDays(-6);
        if (from > to)
        {
            throw ValidationFailedException.For("from", "The start date must be on or before the end date.");
        }

        if (to.DayNumber - from.DayNumber > 3660)
        {
            throw ValidationFailedException.For("from", "A range covers at most ten years.");
        }

        return (from, to);
    }

    /// <summary>
    /// Sums over the scope, grouped by <paramref name="key"/> (and by day when <paramref name="byDate"/>), from the smallest
    /// exact source that answers it: the account-day rollup for account-level and all-account numbers; the campaign
    /// rollups for a campaign or per-campaign numbers (totals read whole weeks from the week rollup and only the days at
    /// the range's edges from the day rollup); the ad rows of one ad set or ad.
    /// </summary>
    internal static async Task<List<FactSum>> SumAsync(
        AppDbContext db, long userId, ReportScope scope, DateOnly from, DateOnly to, RollupKey key, bool byDate, CancellationToken ct)
    {
        if (scope.EntityId is not null && scope.Level is ReportLevel.AdSet or ReportLevel.Ad)
        {
            return await AdRowsAsync(db, userId, scope, from, to, null, ct, byDate);
        }

        if (key != RollupKey.Campaign && scope.Level == ReportLevel.Account)
        {
            var accounts = Filter(db.ReportAccountDays, userId, scope, from, to);
            accounts = scope.EntityId is { } account ? accounts.Where(m => m.AdAccountId == account) : accounts;
            return await ReportFacts.SumAsync(accounts, KeyOf<ReportAccountDay>(key), byDate, ct);
        }

        var days = CampaignFilter(Filter(db.ReportCampaignDays, userId, scope, from, to), scope);
        if (byDate || Periods.WholeWeeks(from, to) is not { } weeks)
        {
            return await ReportFacts.SumAsync(days, CampaignKeyOf<ReportCampaignDay>(key), byDate, ct);
        }

        // Two statements, each grouped on its own index: one UNION ALL under a single GROUP BY saved a round trip but
        // measured ~30 % slower on MariaDB for all 500 campaigns over 365 days (ADR 016).
        var (firstDay, lastDay) = (weeks.First, weeks.Last.AddDays(6));
        var edges = await ReportFacts.SumAsync(days.Where(m => m.Date < firstDay || m.Date > lastDay), CampaignKeyOf<ReportCampaignDay>(key), false, ct);
        var whole = await ReportFacts.SumAsync(
            CampaignFilter(Filter(db.ReportCampaignWeeks, userId, scope, weeks.First, weeks.Last), scope), CampaignKeyOf<ReportCampaignWeek>(key), false, ct);
        return edges.Count == 0 ? whole : ReportFacts.Merge(edges.Concat(whole));
    }

    private static IQueryable<T> CampaignFilter<T>(IQueryable<T> rows, ReportScope scope)
        where T : class, ICampaignFacts => (scope.Level, scope.EntityId) switch
        {
            (ReportLevel.Account, { } id) => rows.Where(m => m.AdAccountId == id),
            (_, { } id) => rows.Where(m => m.CampaignId == id),
            _ => rows,
        };

    private static Expression<Func<T, long>>? KeyOf<T>(RollupKey key)
        where T : IDayFacts => key switch
        {
            RollupKey.AdAccount => m => m.AdAccountId,
            RollupKey.None => null,
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Only campaign facts are keyed by campaign."),
        };

    private static Expression<Func<T, long>>? CampaignKeyOf<T>(RollupKey key)
        where T : ICampaignFacts => key == RollupKey.Campaign ? m => m.CampaignId : KeyOf<T>(key);

    internal static async Task<List<FactSum>> AdRowsAsync(
        AppDbContext db, long userId, ReportScope scope, DateOnly from, DateOnly to, Expression<Func<IAdFacts, long>>? key, CancellationToken ct, bool byDate = false)
    {
        return await ReportFacts.SumAsync(
            AdFilter(Filter(db.ReportMetrics, userId, scope, from, to), scope), Cast<IAdFacts, ReportMetric>(key),
            AdFilter(Filter(db.ReportArchivedMetrics, userId, scope, from, to), scope), Cast<IAdFacts, ReportArchivedMetric>(key), byDate, ct);
    }

    private static async Task<List<FactSum>> CreativeAsync(
        AppDbContext db, long userId, ReportScope scope, DateOnly from, DateOnly to, ReportChildren children, CancellationToken ct)
    {
        if (children.Rows.Count == 0)
        {
            return [];
        }

        var creativeId = children.Rows[0].Id;
        var adIds = db.Ads.Where(a => a.UserId == userId && a.CreativeId == creativeId).Select(a => a.Id); // a subquery, not a round trip
        var byAd = scope with { Level = ReportLevel.Ad, EntityId = null };
        var sums = await ReportFacts.SumAsync(
            Filter(db.ReportMetrics, userId, byAd, from, to).Where(m => adIds.Contains(m.AdId)), null,
            Filter(db.ReportArchivedMetrics, userId, byAd, from, to).Where(m => adIds.Contains(m.AdId)), null, false, ct);
        sums.ForEach(s => s.Key = creativeId);
        return sums;
    }

    private static IQueryable<T> Filter<T>(IQueryable<T> rows, long userId, ReportScope scope, DateOnly from, DateOnly to)
        where T : class, IDayFacts
    {
        rows = rows.Where(m => m.UserId == userId && m.Date >= from && m.Date <= to);
        if (scope.AdAccountId is { } account)
        {
            rows = rows.Where(m => m.AdAccountId == account);
        }

        if (scope.Currency is { } currency)
        {
            rows = rows.Where(m => m.Currency == currency);
        }

        return rows;
    }

    private static IQueryable<T> AdFilter<T>(IQueryable<T> rows, ReportScope scope)
        where T : class, IAdFacts => (scope.Level, scope.EntityId) switch
        {
            (ReportLevel.Campaign, { } id) => rows.Where(m => m.CampaignId == id),
            (ReportLevel.AdSet, { } id) => rows.Where(m => m.AdSetId == id),
            (ReportLevel.Ad, { } id) => rows.Where(m => m.AdId == id),
            _ => rows,
        };

    /// <summary>A key written against an interface, rebound to the entity's own property so EF can translate it.</summary>
    private static Expression<Func<T, long>>? Cast<TFacts, T>(Expression<Func<TFacts, long>>? key)
        where T : TFacts
    {
        if (key is null)
        {
            return null;
        }

        var m = Expression.Parameter(typeof(T), "m");
        var member = (MemberExpression)key.Body;
        return Expression.Lambda<Func<T, long>>(Expression.Property(m, typeof(T).GetProperty(member.Member.Name)!), m);
    }
}

/// <summary>What rollup sums are grouped by (besides currency, and the day for series).</summary>
internal enum RollupKey
{
    None,
    AdAccount,
    Campaign,
}
