using AdPilot.Core.Common;
using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Reports;

/// <summary>
/// Every ad account, campaign, ad set or ad inside a scope with its numbers, sorted by a metric: the flat lists "the worst
/// ad sets of the account by CPA" needs, where a breakdown lists only the direct children of one entity. Same sums, owner
/// scoping and currencies apart as <see cref="ReportQueries"/>; entities without numbers in the range are listed with zeros.
/// </summary>
public sealed class ReportRankings(IDbContextFactory<AppDbContext> dbFactory, ReportQueries queries)
{
    /// <param name="scope">What to look inside: all accounts, an ad account (<see cref="ReportScope.AdAccountId"/> or the account level's entity), a campaign or an ad set.</param>
    /// <param name="rows">What each row is: a level below the scope's (ad accounts only inside all accounts or one account).</param>
    public async Task<BreakdownReport> RankAsync(long userId, ReportScope scope, ReportLevel rows, string? sort = null, bool descending = true, CancellationToken ct = default)
    {
        RequestValidator.Validate(scope);
        sort = BreakdownSort.Normalize(sort);
        if (rows < scope.Level || (rows == scope.Level && rows != ReportLevel.Account))
        {
            throw ValidationFailedException.For("level", "List a level below the scope: ad sets or ads of a campaign, ads of an ad set.");
        }

        await queries.EnsureOwnedAsync(userId, scope, ct);
        var within = scope is { Level: ReportLevel.Account, EntityId: { } account } ? scope with { AdAccountId = account, EntityId = null } : scope;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var (from, to) = await queries.RangeAsync(db, userId, within, ct);
        var children = await LoadAsync(db, userId, within, rows, ct);
        var sums = rows switch
        {
            ReportLevel.Account => await ReportQueries.SumAsync(db, userId, within, from, to, RollupKey.AdAccount, false, ct),
            ReportLevel.Campaign => await ReportQueries.SumAsync(db, userId, within, from, to, RollupKey.Campaign, false, ct),
            ReportLevel.AdSet => await ReportQueries.AdRowsAsync(db, userId, within, from, to, m => m.AdSetId, ct),
            _ => await ReportQueries.AdRowsAsync(db, userId, within, from, to, m => m.AdId, ct),
        };
        var ranked = BreakdownSort.Apply(ReportChildren.Join(children, sums), sort, descending);
        return new BreakdownReport(from, to, scope.Level, scope.EntityId, children.Type, sort, descending, ranked);
    }

    private static async Task<ReportChildren> LoadAsync(AppDbContext db, long userId, ReportScope scope, ReportLevel rows, CancellationToken ct)
    {
        var (account, campaign, adSet) = (scope.AdAccountId, scope.Level == ReportLevel.Campaign ? scope.EntityId : null, scope.Level == ReportLevel.AdSet ? scope.EntityId : null);
        var campaigns = db.Campaigns.Where(c => c.UserId == userId && (account == null || c.AdAccountId == account) && (campaign == null || c.Id == campaign)
            && (scope.Currency == null || c.Currency == scope.Currency));
        var adSets = from s in db.AdSets join c in campaigns on s.CampaignId equals c.Id where adSet == null || s.Id == adSet select new { Set = s, c.Currency };
        return rows switch
        {
            ReportLevel.Account => new("ad_account", await db.AdAccounts
                .Where(a => a.UserId == userId && (account == null || a.Id == account) && (scope.Currency == null || a.Currency == scope.Currency))
                .Select(a => new ReportChildren.Child(a.Id, a.Name, a.Status.ToString(), a.Currency)).ToListAsync(ct)),
            ReportLevel.Campaign => new("campaign", await campaigns.Select(c => new ReportChildren.Child(c.Id, c.Name, c.Status.ToString(), c.Currency)).ToListAsync(ct)),
            ReportLevel.AdSet => new("ad_set", await adSets.Select(s => new ReportChildren.Child(s.Set.Id, s.Set.Name, s.Set.Status.ToString(), s.Currency)).ToListAsync(ct)),
            _ => new("ad", await (from x in db.Ads join s in adSets on x.AdSetId equals s.Set.Id
                                  select new ReportChildren.Child(x.Id, x.Name, x.Status.ToString(), s.Currency)).ToListAsync(ct)),
        };
    }
}
