using System.Globalization;
using System.Text.Json.Nodes;
using AdPilot.Core.Data;
using AdPilot.Core.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AdPilot.Core.Actions;

/// <summary>
/// The measured effect of applied changes (docs/decisions/026): once the 3 full days after a change have passed in its ad
/// account's time zone (and the metrics sync has caught up with them), the entity's spend, conversions, CPA, ROAS and CTR of
/// the 3 days before vs the 3 days after, per currency, are stored on the entry. The change's own day is in neither window.
/// Every due entry gets an effect, also one saying why there is nothing to compare, so none is looked at forever.
/// </summary>
public sealed class ActionEffects(IDbContextFactory<AppDbContext> dbFactory, ReportQueries reports, TimeProvider clock, ILogger<ActionEffects> logger)
{
    public const int Days = 3;

    /// <summary>Once the after window ended this many days ago, measure what there is even if the account's sync is stuck.</summary>
    public const int MaxWaitDays = 4;

    private const int BatchSize = 200;

    /// <summary>The recurring job: measures every entry that is due; returns how many it measured.</summary>
    public async Task<int> MeasureDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now.AddDays(-Days); // no time zone puts the end of the after window sooner
        var (measured, lastId) = (0, 0L);
        while (true)
        {
            List<ActionLogEntry> batch;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                batch = await db.Set<ActionLogEntry>().AsNoTracking()
                    .Where(a => a.EffectJson == null && a.CreatedAt <= cutoff && a.Id > lastId)
                    .OrderBy(a => a.Id).Take(BatchSize).ToListAsync(ct);
            }

            foreach (var entry in batch)
            {
                try
                {
                    if (await MeasureAsync(entry, ct) is { } effect && await StoreAsync(entry.Id, effect, now, ct))
                    {
                        measured++;
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Could not measure the effect of action {ActionId}; the next run retries", entry.Id);
                }
            }

            if (batch.Count < BatchSize)
            {
                return measured;
            }

            lastId = batch[^1].Id;
        }
    }

    /// <summary>The effect of one entry, or null while it is not due yet.</summary>
    private async Task<JsonObject?> MeasureAsync(ActionLogEntry entry, CancellationToken ct)
    {
        var noun = entry.EntityType.Replace('_', ' ');
        if (EntityAccounts.Level(entry.EntityType) is not { } level || entry.EntityId is not { } id)
        {
            return Status("no_metrics", $"A {noun} has no metrics of its own to compare.");
        }

        EntityAccount? account;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            account = await EntityAccounts.FindAsync(db, entry.UserId, level, id, ct);
        }

        if (account is null)
        {
            return Status("no_metrics", $"No metrics were ever reported for this {noun}.");
        }

        var zone = Periods.Zone(account.TimeZone);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(entry.CreatedAt, zone));
        var afterEnds = day.AddDays(Days + 1);
        var today = Periods.Today(clock, account.TimeZone);
        var caughtUp = account.LastSyncedAt is not { } synced || !account.Syncing || synced >= Periods.StartUtc(afterEnds, zone)
            || today >= afterEnds.AddDays(MaxWaitDays);
        if (today < afterEnds || !caughtUp)
        {
            return null;
        }

        if (entry.UndoneAt is { } undone && undone < Periods.StartUtc(afterEnds, zone))
        {
            return Status("undone", $"Undone within {Days} days, so there is no effect to measure.");
        }

        var report = await reports.MetricsAsync(entry.UserId,
            new ReportScope { Level = level, EntityId = id, From = day.AddDays(-Days), To = day.AddDays(Days) }, ReportGranularity.Day, ct);
        var currencies = new JsonArray();
        foreach (var series in report.Series)
        {
            var before = series.Points.Where(p => p.Period < day).Aggregate(default(Sums), (sum, p) => sum + Of(p));
            var after = series.Points.Where(p => p.Period > day).Aggregate(default(Sums), (sum, p) => sum + Of(p));
            if (before != default || after != default)
            {
                currencies.Add(Compare(series.Currency, before, after));
            }
        }

        if (currencies.Count == 0)
        {
            return Status("no_metrics", $"No metrics were reported for this {noun} in the {Days} days before or after the change.");
        }

        return new JsonObject
        {
            ["status"] = "measured",
            ["days"] = Days,
            ["time_zone"] = zone.Id,
            ["before"] = Window(day.AddDays(-Days), day.AddDays(-1)),
            ["after"] = Window(day.AddDays(1), day.AddDays(Days)),
            ["currencies"] = currencies,
        };
    }

    /// <summary>Stores the effect unless another node already did.</summary>
    private async Task<bool> StoreAsync(long id, JsonObject effect, DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var json = effect.ToJsonString();
        return await db.Set<ActionLogEntry>().Where(a => a.Id == id && a.EffectJson == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.EffectJson, json).SetProperty(a => a.EffectMeasuredAt, now), ct) == 1;
    }

    private static Sums Of(SeriesPoint p) => new(p.Spend, p.Impressions, p.Clicks, p.Conversions, p.Revenue);

    private static JsonObject Compare(string currency, Sums before, Sums after)
    {
        var (b, a) = (before.Totals(), after.Totals());
        return new JsonObject
        {
            ["currency"] = currency,
            ["before"] = Block(b),
            ["after"] = Block(a),
            ["change_percent"] = new JsonObject
            {
                ["spend"] = Sums.Change(a.Spend, b.Spend),
                ["conversions"] = Sums.Change(a.Conversions, b.Conversions),
                ["cpa"] = Sums.Change(a.Cpa, b.Cpa),
                ["roas"] = Sums.Change(a.Roas, b.Roas),
                ["ctr"] = Sums.Change(a.Ctr, b.Ctr),
            },
        };
    }

    private static JsonObject Block(MetricTotals t) => new()
    {
        ["spend"] = t.Spend, ["conversions"] = t.Conversions, ["revenue"] = t.Revenue, ["cpa"] = t.Cpa, ["roas"] = t.Roas, ["ctr"] = t.Ctr,
    };

    private static JsonObject Window(DateOnly from, DateOnly to) => new()
    {
        ["from"] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static JsonObject Status(string status, string reason) => new() { ["status"] = status, ["reason"] = reason };
}
