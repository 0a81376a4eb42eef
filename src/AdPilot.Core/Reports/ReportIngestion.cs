using System.Collections.Concurrent;
using AdPilot.Core.AdAccounts;
using AdPilot.Core.Campaigns;
using AdPilot.Core.Data;
using AdPilot.Core.Platforms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdPilot.Core.Reports;

/// <summary>
/// Pulls ad-level daily insights into the metrics store: campaigns are imported first so every platform id maps to a
/// local ad, then the days since the last sync (minus the look-back window, for late conversions) are fetched and
/// upserted by (ad, day), so syncing twice never double counts.
/// </summary>
public sealed class ReportIngestion(
    IDbContextFactory<AppDbContext> dbFactory,
    CampaignService campaigns,
    AdAccountService accounts,
    ReportService reports,
    TimeProvider clock,
    IOptions<ReportOptions> options,
    ILogger<ReportIngestion> logger)
{
    // One sync per account at a time in this process: the queued first sync and a "Sync now" click must not import the
    // same campaigns twice or race on the (ad, day) key.
    private readonly ConcurrentDictionary<long, SemaphoreSlim> _running = new();

    public async Task<SyncResult> SyncAsync(long userId, long adAccountId, CancellationToken ct = default)
    {
        var gate = _running.GetOrAdd(adAccountId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            return await SyncOnceAsync(userId, adAccountId, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<SyncResult> SyncOnceAsync(long userId, long adAccountId, CancellationToken ct)
    {
        await campaigns.ImportAsync(userId, adAccountId, ct);
        var (platform, access) = await accounts.AccessAsync(userId, adAccountId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = await db.AdAccounts.SingleAsync(a => a.Id == adAccountId && a.UserId == userId, ct);
        var today = Periods.Today(clock, account.TimeZone);
        var from = account.LastSyncedAt is { } last
            ? Periods.Today(new FixedClock(last), account.TimeZone).AddDays(-options.Value.LookbackDays)
            : today.AddDays(1 - options.Value.InitialDays);
        var insights = await platform.GetDailyInsightsAsync(access, new InsightsQuery(PlatformLevel.Ad, from, today), ct);

        var ads = await (from ad in db.Ads
                         join set in db.AdSets on ad.AdSetId equals set.Id
                         join campaign in db.Campaigns on set.CampaignId equals campaign.Id
                         where campaign.AdAccountId == adAccountId && ad.PlatformAdId != null
                         select new { ad.Id, ad.PlatformAdId, AdSetId = set.Id, CampaignId = campaign.Id })
            .ToDictionaryAsync(a => a.PlatformAdId!, ct);
        var rows = new List<ReportMetric>();
        foreach (var row in insights)
        {
            if (row.AdId is null || !ads.TryGetValue(row.AdId, out var ad))
            {
                continue;
            }

            rows.Add(new ReportMetric
            {
                UserId = userId, AdAccountId = adAccountId, CampaignId = ad.CampaignId, AdSetId = ad.AdSetId, AdId = ad.Id, Date = row.Date,
                Spend = decimal.Round(row.Spend, 4), Impressions = row.Impressions, Clicks = row.Clicks, Conversions = row.Conversions,
                Revenue = decimal.Round(row.Revenue, 4), Currency = string.IsNullOrEmpty(row.Currency) ? account.Currency : row.Currency.ToUpperInvariant(),
            });
        }

        // A platform may repeat a row across pages; the last one wins rather than failing the unique key.
        rows = rows.GroupBy(r => (r.AdId, r.Date)).Select(g => g.Last()).ToList();
        await reports.UpsertAsync(db, rows, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.AdAccounts.Where(a => a.Id == adAccountId).ExecuteUpdateAsync(s => s.SetProperty(a => a.LastSyncedAt, now), ct);
        var skipped = insights.Count - rows.Count;
        logger.LogInformation("Synced {Rows} ad-day rows of ad account {AccountId} ({From}..{To}, {Skipped} skipped)", rows.Count, adAccountId, from, today, skipped);
        return new SyncResult(adAccountId, from, today, rows.Count, skipped, now);
    }

    /// <summary>The recurring job: every active account in turn; one failing account does not stop the others.</summary>
    public async Task<int> SyncAllAsync(CancellationToken ct = default)
    {
        List<(long UserId, long Id)> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            due = (await db.AdAccounts.Where(a => a.Status == AdAccountStatus.Active && a.AccessTokenCiphertext != null).OrderBy(a => a.Id).Select(a => new { a.UserId, a.Id }).ToListAsync(ct))
                .Select(a => (a.UserId, a.Id)).ToList();
        }

        var synced = 0;
        foreach (var (userId, id) in due)
        {
            try
            {
                await SyncAsync(userId, id, ct);
                synced++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Metrics sync of ad account {AccountId} failed; the next run retries", id);
            }
        }

        return synced;
    }

    private sealed class FixedClock(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
    }
}
