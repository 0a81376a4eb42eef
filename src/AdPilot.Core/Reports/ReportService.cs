using AdPilot.Core.Common;
using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdPilot.Core.Reports;

/// <summary>
/// Writes of the metrics store: saving ad-day rows (the same ad and day replaces, P19), keeping the rollups
/// (campaign-day, campaign-week, account-day) exact, and archival (P20). Reads are in <see cref="ReportQueries"/>.
/// </summary>
public sealed class ReportService(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, IOptions<ReportOptions> options)
{
    /// <summary>Saves a batch for the user's own ads; the ad's account, campaign and ad set are filled in from the ad.</summary>
    public async Task<SaveMetricsResult> SaveAsync(long userId, SaveMetricsRequest request, CancellationToken ct = default)
    {
        RequestValidator.Validate(request);
        for (var i = 0; i < request.Metrics.Count; i++)
        {
            if (decimal.Round(request.Metrics[i].Spend, 4) != request.Metrics[i].Spend || decimal.Round(request.Metrics[i].Revenue, 4) != request.Metrics[i].Revenue)
            {
                throw ValidationFailedException.For($"metrics[{i}]", "Spend and revenue have at most four decimal places.");
            }
        }

        if (request.Metrics.GroupBy(m => (m.AdId, m.Date)).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw ValidationFailedException.For("metrics", $"Ad {twice.Key.AdId} appears twice for {twice.Key.Date:yyyy-MM-dd}.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var adIds = request.Metrics.Select(m => m.AdId).Distinct().ToList();
        var ads = await (from ad in db.Ads
                         join set in db.AdSets on ad.AdSetId equals set.Id
                         join campaign in db.Campaigns on set.CampaignId equals campaign.Id
                         join account in db.AdAccounts on campaign.AdAccountId equals account.Id
                         where ad.UserId == userId && adIds.Contains(ad.Id)
                         select new { ad.Id, AdSetId = set.Id, CampaignId = campaign.Id, AdAccountId = account.Id, account.Currency })
            .ToDictionaryAsync(a => a.Id, ct);
        var rows = new List<ReportMetric>(request.Metrics.Count);
        for (var i = 0; i < request.Metrics.Count; i++)
        {
            var input = request.Metrics[i];
            var ad = ads.GetValueOrDefault(input.AdId) ?? throw new NotFoundException("Ad", input.AdId);
            if (input.Currency is { } currency && currency != ad.Currency)
            {
                throw ValidationFailedException.For($"metrics[{i}].currency", $"Ad {input.AdId} reports in {ad.Currency}, its ad account's currency.");
            }

            rows.Add(new ReportMetric
            {
                UserId = userId, AdAccountId = ad.AdAccountId, CampaignId = ad.CampaignId, AdSetId = ad.AdSetId, AdId = ad.Id, Date = input.Date,
                Spend = input.Spend, Impressions = input.Impressions, Clicks = input.Clicks, Conversions = input.Conversions, Revenue = input.Revenue,
                Currency = ad.Currency,
            });
        }

        await UpsertAsync(db, rows, ct);
        return new SaveMetricsResult(rows.Count);
    }

    /// <summary>
    /// Inserts or replaces rows by (ad, day), in the live table (an archived copy of the same ad and day is removed), then
    /// rebuilds the rollup of the touched campaigns and days, all in one transaction.
    /// </summary>
    internal async Task UpsertAsync(AppDbContext db, IReadOnlyList<ReportMetric> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var adIds = rows.Select(r => r.AdId).Distinct().ToList();
        var (from, to) = (rows.Min(r => r.Date), rows.Max(r => r.Date));
        // Read committed: each rebuild reads what is committed now, and InnoDB takes no gap locks for the range deletes, so
        // writers of different accounts (the first syncs of two accounts just bound) never deadlock on neighbouring rows.
        await using var tx = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, ct);
        await LockAccountsAsync(db, rows.Select(r => r.AdAccountId).Distinct().Order().ToList(), ct);
        var existing = await db.ReportMetrics.Where(m => adIds.Contains(m.AdId) && m.Date >= from && m.Date <= to).ToDictionaryAsync(m => (m.AdId, m.Date), ct);
        var keys = rows.Select(r => (r.AdId, r.Date)).ToHashSet();
        var archived = await db.ReportArchivedMetrics.Where(m => adIds.Contains(m.AdId) && m.Date >= from && m.Date <= to).ToListAsync(ct);
        db.ReportArchivedMetrics.RemoveRange(archived.Where(a => keys.Contains((a.AdId, a.Date))));
        foreach (var row in rows)
        {
            if (existing.TryGetValue((row.AdId, row.Date), out var current))
            {
                (current.Spend, current.Impressions, current.Clicks, current.Conversions, current.Revenue, current.Currency, current.UpdatedAt) =
                    (row.Spend, row.Impressions, row.Clicks, row.Conversions, row.Revenue, row.Currency, now);
            }
            else
            {
                row.UpdatedAt = now;
                db.ReportMetrics.Add(row);
            }
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await RebuildRollupAsync(db, rows.Select(r => r.CampaignId).Distinct().ToList(), from, to, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Recomputes the campaign-day rollup from the ad rows (live and archived) of those campaigns and days.</summary>
    internal static async Task RebuildRollupAsync(AppDbContext db, IReadOnlyList<long> campaignIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        await db.ReportCampaignDays.Where(r => campaignIds.Contains(r.CampaignId) && r.Date >= from && r.Date <= to).ExecuteDeleteAsync(ct);
        var live = await Owners(db.ReportMetrics.Where(m => campaignIds.Contains(m.CampaignId) && m.Date >= from && m.Date <= to), ct);
        var archived = await Owners(db.ReportArchivedMetrics.Where(m => campaignIds.Contains(m.CampaignId) && m.Date >= from && m.Date <= to), ct);
        var sums = ReportFacts.Merge(
            (await ReportFacts.SumAsync(db.ReportMetrics.Where(m => campaignIds.Contains(m.CampaignId) && m.Date >= from && m.Date <= to), m => m.CampaignId, true, ct))
            .Concat(await ReportFacts.SumAsync(db.ReportArchivedMetrics.Where(m => campaignIds.Contains(m.CampaignId) && m.Date >= from && m.Date <= to), m => m.CampaignId, true, ct)));
        var owners = live.Concat(archived).DistinctBy(o => o.CampaignId).ToDictionary(o => o.CampaignId);
        db.ReportCampaignDays.AddRange(sums.Select(s => new ReportCampaignDay
        {
            UserId = owners[s.Key].UserId, AdAccountId = owners[s.Key].AdAccountId, CampaignId = s.Key, Date = s.Date, Currency = s.Currency,
            Spend = s.Spend, Impressions = s.Impressions, Clicks = s.Clicks, Conversions = s.Conversions, Revenue = s.Revenue,
        }));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await RebuildWeeksAsync(db, campaignIds, from, to, ct);
        await RebuildAccountDaysAsync(db, owners.Values.Select(o => (o.AdAccountId, o.UserId)).Distinct().ToList(), from, to, ct);
    }

    /// <summary>Recomputes the account-day rollup of those accounts and days from the campaign-day rollup.</summary>
    private static async Task RebuildAccountDaysAsync(AppDbContext db, IReadOnlyList<(long AdAccountId, long UserId)> accounts, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var ids = accounts.Select(a => a.AdAccountId).ToList();
        var owners = accounts.ToDictionary(a => a.AdAccountId, a => a.UserId);
        await db.ReportAccountDays.Where(r => ids.Contains(r.AdAccountId) && r.Date >= from && r.Date <= to).ExecuteDeleteAsync(ct);
        var sums = await ReportFacts.SumAsync(db.ReportCampaignDays.Where(r => ids.Contains(r.AdAccountId) && r.Date >= from && r.Date <= to), r => r.AdAccountId, true, ct);
        db.ReportAccountDays.AddRange(sums.Select(s => new ReportAccountDay
        {
            UserId = owners[s.Key], AdAccountId = s.Key, Date = s.Date, Currency = s.Currency,
            Spend = s.Spend, Impressions = s.Impressions, Clicks = s.Clicks, Conversions = s.Conversions, Revenue = s.Revenue,
        }));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>Recomputes the week rollup of every week that holds one of the days, from the campaign-day rollup.</summary>
    private static async Task RebuildWeeksAsync(AppDbContext db, IReadOnlyList<long> campaignIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var (firstMonday, lastMonday) = (Periods.Bucket(from, ReportGranularity.Week), Periods.Bucket(to, ReportGranularity.Week));
        var lastSunday = DateOnly.FromDayNumber(Math.Min(lastMonday.DayNumber + 6, DateOnly.MaxValue.DayNumber));
        await db.ReportCampaignWeeks.Where(r => campaignIds.Contains(r.CampaignId) && r.Date >= firstMonday && r.Date <= lastMonday).ExecuteDeleteAsync(ct);
        var days = await db.ReportCampaignDays.AsNoTracking()
            .Where(r => campaignIds.Contains(r.CampaignId) && r.Date >= firstMonday && r.Date <= lastSunday).ToListAsync(ct);
        db.ReportCampaignWeeks.AddRange(days
            .GroupBy(d => (d.UserId, d.AdAccountId, d.CampaignId, Week: Periods.Bucket(d.Date, ReportGranularity.Week), d.Currency))
            .Select(g => new ReportCampaignWeek
            {
                UserId = g.Key.UserId, AdAccountId = g.Key.AdAccountId, CampaignId = g.Key.CampaignId, Date = g.Key.Week, Currency = g.Key.Currency,
                Spend = g.Sum(d => d.Spend), Impressions = g.Sum(d => d.Impressions), Clicks = g.Sum(d => d.Clicks),
                Conversions = g.Sum(d => d.Conversions), Revenue = g.Sum(d => d.Revenue),
            }));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// Moves ad-day rows older than the retention window into the archive table in one transaction. The rollup already
    /// counts them and the ad-level queries read both tables, so no aggregate changes (P20).
    /// </summary>
    public async Task<ArchiveResult> ArchiveAsync(CancellationToken ct = default)
    {
        var cutoff = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-options.Value.RetentionDays);
        var now = clock.GetUtcNow().UtcDateTime;
        var moved = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var batch = await db.ReportMetrics.Where(m => m.Date < cutoff).OrderBy(m => m.Id).Take(5000).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return new ArchiveResult(cutoff, moved);
            }

            db.ReportArchivedMetrics.AddRange(batch.Select(m => new ReportArchivedMetric
            {
                UserId = m.UserId, AdAccountId = m.AdAccountId, CampaignId = m.CampaignId, AdSetId = m.AdSetId, AdId = m.AdId, Date = m.Date,
                Spend = m.Spend, Impressions = m.Impressions, Clicks = m.Clicks, Conversions = m.Conversions, Revenue = m.Revenue,
                Currency = m.Currency, UpdatedAt = m.UpdatedAt, ArchivedAt = now,
            }));
            db.ReportMetrics.RemoveRange(batch);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            moved += batch.Count;
        }
    }

    /// <summary>Rebuilds the rollups of one user from the ad rows (after a bulk load that bypassed the service).</summary>
    public async Task RebuildRollupsAsync(long userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaigns = await db.Campaigns.Where(c => c.UserId == userId).Select(c => c.Id).ToListAsync(ct);
        foreach (var chunk in campaigns.Chunk(50))
        {
            await RebuildRollupAsync(db, chunk, DateOnly.MinValue, DateOnly.MaxValue, ct);
        }
    }

    /// <summary>
    /// Writers of one ad account take turns: on MySQL its row is locked (in id order, so two writers never wait on each
    /// other crosswise) before anything is read, so the rollups are rebuilt from what the writer before committed, not
    /// from an older snapshot. On SQLite the transaction (<c>BEGIN IMMEDIATE</c>) already holds the database's write lock.
    /// </summary>
    private static async Task LockAccountsAsync(AppDbContext db, IReadOnlyList<long> accountIds, CancellationToken ct)
    {
        if (!db.Database.IsMySql())
        {
            return;
        }

        foreach (var id in accountIds)
        {
            await db.Database.SqlQuery<long>($"SELECT `Id` AS `Value` FROM `AdAccounts` WHERE `Id` = {id} FOR UPDATE").ToListAsync(ct);
        }
    }

    private static Task<List<CampaignOwner>> Owners<T>(IQueryable<T> rows, CancellationToken ct)
        where T : class, ICampaignFacts =>
        rows.GroupBy(m => new { m.CampaignId, m.UserId, m.AdAccountId }).Select(g => new CampaignOwner(g.Key.CampaignId, g.Key.UserId, g.Key.AdAccountId)).ToListAsync(ct);

    private sealed record CampaignOwner(long CampaignId, long UserId, long AdAccountId);
}
