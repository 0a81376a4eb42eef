using AdPilot.Core.AdAccounts;
using AdPilot.Core.Campaigns;
using AdPilot.Core.Data;
using AdPilot.Core.Reports;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Anomalies;

/// <summary>One account or campaign to judge, with its numbers and the account-local day.</summary>
internal sealed record AnomalySubject(long UserId, long AdAccountId, long? CampaignId, string Name, string Currency, DateOnly Day, AnomalyInput Input);

/// <summary>
/// Reads what one hourly run judges, in bulk: every active account, its active campaigns, and the campaign-day rollup of
/// today and the same weekday of the previous weeks: two statements per group of up to 200 accounts sharing a local day
/// (not one per campaign). An account's numbers are the sums of its active campaigns' rows.
/// </summary>
internal static class AnomalyScan
{
    private const int Chunk = 200;

    public static async Task<List<AnomalySubject>> LoadAsync(AppDbContext db, DateTime now, AnomalyOptions o, CancellationToken ct)
    {
        var accounts = await db.AdAccounts.AsNoTracking().Where(a => a.Status == AdAccountStatus.Active)
            .Select(a => new Account(a.Id, a.UserId, a.Name, a.Currency, a.TimeZone, a.LastSyncedAt)).ToListAsync(ct);
        var subjects = new List<AnomalySubject>();
        foreach (var group in accounts.Select(a => (Account: a, Clock: LocalClock.Of(a, now))).GroupBy(a => a.Clock.Today))
        {
            var today = group.Key;
            var dates = Enumerable.Range(0, o.HistoryWeeks + 1).Select(k => today.AddDays(-7 * k)).ToList();
            foreach (var chunk in group.Chunk(Chunk))
            {
                var ids = chunk.Select(c => c.Account.Id).ToList();
                var campaigns = await db.Campaigns.AsNoTracking().Where(c => ids.Contains(c.AdAccountId) && c.Status == DeliveryStatus.Active)
                    .Select(c => new { c.Id, c.AdAccountId, c.Name }).ToListAsync(ct);
                var campaignDays = (await db.ReportCampaignDays.AsNoTracking().Where(r => ids.Contains(r.AdAccountId) && dates.Contains(r.Date))
                        .Select(r => new Row(r.AdAccountId, r.CampaignId, r.Date, r.Currency, new DayNumbers(r.Spend, r.Impressions, r.Clicks, r.Conversions, r.Revenue)))
                        .ToListAsync(ct))
                    .ToLookup(r => r.CampaignId);
                var byAccount = campaigns.ToLookup(c => c.AdAccountId);
                foreach (var (account, clock) in chunk)
                {
                    // The account is judged on the sum of its active campaigns: pausing a campaign lowers the account's
                    // spend for good, and its history must not make that look like under-delivery for weeks.
                    var active = byAccount[account.Id].ToList();
                    var sums = active.SelectMany(c => campaignDays[c.Id]).GroupBy(r => (r.Date, r.Currency))
                        .Select(g => g.First() with { Numbers = g.Aggregate(default(DayNumbers), (sum, r) => sum + r.Numbers) });
                    subjects.Add(Subject(account, null, account.Name, clock, dates, sums, active.Count > 0));
                    subjects.AddRange(active.Select(c => Subject(account, c.Id, c.Name, clock, dates, campaignDays[c.Id], true)));
                }
            }
        }

        return subjects;
    }

    private static AnomalySubject Subject(Account account, long? campaignId, string name, LocalClock clock, List<DateOnly> dates, IEnumerable<Row> rows, bool expectsDelivery)
    {
        var byDate = rows.Where(r => r.Currency == account.Currency).ToDictionary(r => r.Date, r => r.Numbers);
        var input = new AnomalyInput(byDate.GetValueOrDefault(dates[0]), clock.DayShare, dates.Skip(1).Select(d => byDate.GetValueOrDefault(d)).ToList(), expectsDelivery);
        return new AnomalySubject(account.UserId, account.Id, campaignId, name, account.Currency, clock.Today, input);
    }

    private sealed record Account(long Id, long UserId, string Name, string Currency, string TimeZone, DateTime? LastSyncedAt);

    private sealed record Row(long AdAccountId, long CampaignId, DateOnly Date, string Currency, DayNumbers Numbers);

    /// <summary>
    /// The account's today and how far into it the stored numbers go: the report sync stores today's partial day, so "so
    /// far" is the local time of the account's last sync (zero when it has not synced today: nothing to judge yet).
    /// </summary>
    private readonly record struct LocalClock(DateOnly Today, double DayShare)
    {
        public static LocalClock Of(Account account, DateTime now)
        {
            var zone = Periods.Zone(account.TimeZone);
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, zone));
            if (account.LastSyncedAt is not { } synced)
            {
                return new(today, 0);
            }

            var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(synced, DateTimeKind.Utc), zone);
            return new(today, DateOnly.FromDateTime(local) == today ? IntradayCurve.ShareAt(TimeOnly.FromDateTime(local)) : 0);
        }
    }
}
