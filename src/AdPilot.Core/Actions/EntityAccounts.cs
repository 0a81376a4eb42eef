using AdPilot.Core.AdAccounts;
using AdPilot.Core.Data;
using AdPilot.Core.Reports;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Actions;

/// <summary>Where a logged entity's numbers live: its report level and its ad account's time zone, currency and last metrics sync.</summary>
/// <param name="Syncing">Whether the account's metrics sync still runs (it is active), so a day's numbers are worth waiting for.</param>
internal sealed record EntityAccount(ReportLevel Level, long Id, string TimeZone, string Currency, DateTime? LastSyncedAt, bool Syncing);

internal static class EntityAccounts
{
    public static ReportLevel? Level(string entityType) => entityType switch
    {
        "campaign" => ReportLevel.Campaign,
        "ad_set" => ReportLevel.AdSet,
        "ad" => ReportLevel.Ad,
        _ => null,
    };

    /// <summary>The entity's ad account; for an entity deleted since, the account its metrics were reported under; null when neither is known.</summary>
    public static async Task<EntityAccount?> FindAsync(AppDbContext db, long userId, ReportLevel level, long id, CancellationToken ct)
    {
        var accountId = await Owners(db, userId, level, id).Select(a => (long?)a).FirstOrDefaultAsync(ct)
            ?? await Reported(db.ReportMetrics.Where(m => m.UserId == userId), level, id).Select(m => (long?)m.AdAccountId).FirstOrDefaultAsync(ct);
        return accountId is null
            ? null
            : await db.AdAccounts.Where(a => a.Id == accountId && a.UserId == userId)
                .Select(a => new EntityAccount(level, a.Id, a.TimeZone, a.Currency, a.LastSyncedAt, a.Status == AdAccountStatus.Active))
                .SingleOrDefaultAsync(ct);
    }

    private static IQueryable<long> Owners(AppDbContext db, long userId, ReportLevel level, long id) => level switch
    {
        ReportLevel.Campaign => db.Campaigns.Where(c => c.Id == id && c.UserId == userId).Select(c => c.AdAccountId),
        ReportLevel.AdSet => from s in db.AdSets
                             join c in db.Campaigns on s.CampaignId equals c.Id
                             where s.Id == id && s.UserId == userId
                             select c.AdAccountId,
        _ => from a in db.Ads
             join s in db.AdSets on a.AdSetId equals s.Id
             join c in db.Campaigns on s.CampaignId equals c.Id
             where a.Id == id && a.UserId == userId
             select c.AdAccountId,
    };

    private static IQueryable<ReportMetric> Reported(IQueryable<ReportMetric> rows, ReportLevel level, long id) => level switch
    {
        ReportLevel.Campaign => rows.Where(m => m.CampaignId == id),
        ReportLevel.AdSet => rows.Where(m => m.AdSetId == id),
        _ => rows.Where(m => m.AdId == id),
    };
}
