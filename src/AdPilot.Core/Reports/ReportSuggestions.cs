using AdPilot.Core.Campaigns;
using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Reports;

/// <summary>
/// Suggestions computed from the metrics of the last 7 complete days (up to yesterday in the user's time zone), each
/// with its reason, the numbers behind it, the entity and an action. The rules are pure functions of the numbers
/// (<see cref="SuggestionRules"/>), so the same metrics always give the same suggestions in the same order.
/// </summary>
public sealed class ReportSuggestions(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public async Task<IReadOnlyList<ReportSuggestion>> ForUserAsync(long userId, long? adAccountId = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct); // eight reads on one connection (see ReportQueries.OpenAsync)
        var today = Periods.Today(clock, await db.Users.Where(u => u.Id == userId).Select(u => u.TimeZone).SingleOrDefaultAsync(ct));
        return SuggestionRules.Evaluate(await LoadAsync(db, userId, adAccountId, today.AddDays(-7), today.AddDays(-1), ct));
    }

    /// <summary>The rules' input for the 7 days <paramref name="weekFrom"/>..<paramref name="weekTo"/> (also read by <see cref="ReportAnalysis"/>).</summary>
    internal static async Task<SuggestionRules.Input> LoadAsync(AppDbContext db, long userId, long? adAccountId, DateOnly weekFrom, DateOnly weekTo, CancellationToken ct)
    {
        var scope = new ReportScope { AdAccountId = adAccountId };
        var campaigns = await db.Campaigns.Where(c => c.UserId == userId && (adAccountId == null || c.AdAccountId == adAccountId))
            .Select(c => new SuggestionRules.CampaignInfo(c.Id, c.AdAccountId, c.Name, c.Status == DeliveryStatus.Active, c.BudgetType == BudgetType.Daily ? c.Budget : null))
            .ToListAsync(ct);
        var adSets = await (from s in db.AdSets join c in db.Campaigns on s.CampaignId equals c.Id
                            where s.UserId == userId && (adAccountId == null || c.AdAccountId == adAccountId)
                            select new SuggestionRules.AdSetInfo(s.Id, c.AdAccountId, s.Name, s.Status == DeliveryStatus.Active)).ToListAsync(ct);

        return new SuggestionRules.Input(
            Accounts: Keyed(await ReportQueries.SumAsync(db, userId, scope, weekFrom, weekTo, RollupKey.AdAccount, false, ct)),
            CampaignsThisWeek: Keyed(await ReportQueries.SumAsync(db, userId, scope, weekFrom, weekTo, RollupKey.Campaign, false, ct)),
            CampaignsLastWeek: Keyed(await ReportQueries.SumAsync(db, userId, scope, weekFrom.AddDays(-7), weekTo.AddDays(-7), RollupKey.Campaign, false, ct)),
            CampaignsYesterday: Keyed(await ReportQueries.SumAsync(db, userId, scope, weekTo, weekTo, RollupKey.Campaign, false, ct)),
            AdSetsThisWeek: Keyed(await AdSetSumsAsync(db, userId, adAccountId, weekFrom, weekTo, ct)),
            Campaigns: campaigns,
            AdSets: adSets);
    }

    private static async Task<List<FactSum>> AdSetSumsAsync(AppDbContext db, long userId, long? adAccountId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var live = db.ReportMetrics.Where(m => m.UserId == userId && m.Date >= from && m.Date <= to && (adAccountId == null || m.AdAccountId == adAccountId));
        var archived = db.ReportArchivedMetrics.Where(m => m.UserId == userId && m.Date >= from && m.Date <= to && (adAccountId == null || m.AdAccountId == adAccountId));
        return await ReportFacts.SumAsync(live, m => m.AdSetId, archived, m => m.AdSetId, false, ct);
    }

    /// <summary>One currency per entity (its account's); a key seen in two currencies keeps neither sum mixed: the larger spend wins.</summary>
    private static Dictionary<long, Sums> Keyed(List<FactSum> sums) =>
        sums.GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.OrderByDescending(s => s.Spend).First().Sums);
}
