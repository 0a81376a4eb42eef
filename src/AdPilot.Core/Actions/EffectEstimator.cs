using System.Globalization;
using System.Text.Json.Nodes;
using AdPilot.Core.Campaigns;
using AdPilot.Core.Data;
using AdPilot.Core.Reports;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Actions;

/// <summary>
/// The estimated effect on a proposed change's card (docs/decisions/026): spend per day at the entity's recent run rate.
/// Pausing saves the average daily spend of the last 7 days; resuming adds the average of its last 7 days with spend; a
/// daily budget change moves spend by the budget delta, capped by what it actually spent. Null whenever the data does not
/// allow an honest number: no spend recorded, a lifetime budget, or any other kind of change.
/// </summary>
public sealed class EffectEstimator(IDbContextFactory<AppDbContext> dbFactory, ReportQueries reports, TimeProvider clock)
{
    public const int RunRateDays = 7;

    /// <summary>How far back resuming looks for the entity's last days with spend.</summary>
    public const int ActiveDaysLookback = 90;

    /// <summary>
    /// <c>{"summary": "Saves about 42.10 USD a day at the last 7 days' run rate.", "spend_per_day": -42.10, "currency": "USD"}</c>,
    /// or null. <paramref name="before"/> and <paramref name="after"/> hold the changed fields as the tools and the action log
    /// name them (<c>status</c>, <c>budget</c>, <c>budget_type</c>); <paramref name="entityType"/> is campaign, ad_set or ad.
    /// </summary>
    public async Task<JsonObject?> EstimateAsync(
        long userId, string entityType, long entityId, JsonObject? before, JsonObject? after, CancellationToken ct = default)
    {
        if (EntityAccounts.Level(entityType) is not { } level || before is null || after is null)
        {
            return null;
        }

        EntityAccount? account;
        BudgetType? budgetType;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            account = await EntityAccounts.FindAsync(db, userId, level, entityId, ct);
            budgetType = await BudgetTypeAsync(db, userId, level, entityId, ct);
        }

        if (account is null)
        {
            return null;
        }

        var today = Periods.Today(clock, account.TimeZone);
        var status = Text(after, "status") is { } next && next != Text(before, "status") ? next : null;
        switch (status)
        {
            case "paused":
                var runRate = await RunRateAsync(userId, account, entityId, today, ct);
                return runRate > 0 ? Result(-runRate, $"Saves about {Money(runRate, account)} a day at the last {RunRateDays} days' run rate.", account) : null;
            case "active":
                var (average, days) = await ActiveRateAsync(userId, account, entityId, today, ct);
                return average > 0 ? Result(average, $"Adds about {Money(average, account)} a day: its average over its last {days} days with spend.", account) : null;
            case not null:
                return null;
        }

        return await BudgetAsync(userId, account, entityId, today, before, after, budgetType, ct);
    }

    private async Task<JsonObject?> BudgetAsync(
        long userId, EntityAccount account, long entityId, DateOnly today, JsonObject before, JsonObject after, BudgetType? current, CancellationToken ct)
    {
        if (Number(before, "budget") is not { } from || Number(after, "budget") is not { } to || from == to || from <= 0
            || (Kind(before) ?? current) != BudgetType.Daily || (Kind(after) ?? current) != BudgetType.Daily)
        {
            return null; // a lifetime budget has no daily rate to move
        }

        var spent = await RunRateAsync(userId, account, entityId, today, ct);
        if (spent <= 0)
        {
            return null;
        }

        if (to < from)
        {
            var saved = Math.Min(from - to, Math.Max(0, spent - to));
            return Result(-saved, saved > 0
                ? $"Saves about {Money(saved, account)} a day: it spent {Money(spent, account)} a day over the last {RunRateDays} days, and the budget drops to {Money(to, account)}."
                : $"Saves little or nothing: it spent {Money(spent, account)} a day over the last {RunRateDays} days, within the new budget of {Money(to, account)}.", account);
        }

        var share = Math.Min(1m, spent / from);
        var extra = (to - from) * share;
        return Result(extra,
            $"Spends up to about {Money(extra, account)} more a day, if it keeps spending {share.ToString("P0", CultureInfo.InvariantCulture)} of its budget as over the last {RunRateDays} days.",
            account);
    }

    /// <summary>The average daily spend over the last full days (days without spend count as zero).</summary>
    private async Task<decimal> RunRateAsync(long userId, EntityAccount account, long entityId, DateOnly today, CancellationToken ct) =>
        (await SpendByDayAsync(userId, account, entityId, today.AddDays(-RunRateDays), today.AddDays(-1), ct)).Sum() / RunRateDays;

    private async Task<(decimal Average, int Days)> ActiveRateAsync(long userId, EntityAccount account, long entityId, DateOnly today, CancellationToken ct)
    {
        var active = (await SpendByDayAsync(userId, account, entityId, today.AddDays(-ActiveDaysLookback), today.AddDays(-1), ct))
            .Where(s => s > 0).TakeLast(RunRateDays).ToList();
        return active.Count == 0 ? (0, 0) : (active.Sum() / active.Count, active.Count);
    }

    /// <summary>Spend of the days with metrics, oldest first, in the account's currency only (never summed across currencies).</summary>
    private async Task<IEnumerable<decimal>> SpendByDayAsync(long userId, EntityAccount account, long entityId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var report = await reports.MetricsAsync(userId,
            new ReportScope { Level = account.Level, EntityId = entityId, From = from, To = to, Currency = account.Currency }, ReportGranularity.Day, ct);
        return report.Series.SelectMany(s => s.Points).OrderBy(p => p.Period).Select(p => p.Spend);
    }

    private static async Task<BudgetType?> BudgetTypeAsync(AppDbContext db, long userId, ReportLevel level, long id, CancellationToken ct) => level switch
    {
        ReportLevel.Campaign => await db.Campaigns.Where(c => c.Id == id && c.UserId == userId).Select(c => (BudgetType?)c.BudgetType).SingleOrDefaultAsync(ct),
        ReportLevel.AdSet => await db.AdSets.Where(s => s.Id == id && s.UserId == userId).Select(s => s.BudgetType).SingleOrDefaultAsync(ct),
        _ => null,
    };

    private static JsonObject Result(decimal perDay, string summary, EntityAccount account) => new()
    {
        ["summary"] = summary,
        ["spend_per_day"] = Math.Round(perDay, 2, MidpointRounding.AwayFromZero),
        ["currency"] = account.Currency,
    };

    private static string Money(decimal amount, EntityAccount account) =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.Round(amount, 2, MidpointRounding.AwayFromZero):0.00} {account.Currency}");

    private static string? Text(JsonObject state, string field) => state[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static decimal? Number(JsonObject state, string field) => state[field] is JsonValue v && v.TryGetValue<decimal>(out var d) ? d : null;

    private static BudgetType? Kind(JsonObject state) => Text(state, "budget_type") switch
    {
        "daily" => BudgetType.Daily,
        "lifetime" => BudgetType.Lifetime,
        _ => null,
    };
}
