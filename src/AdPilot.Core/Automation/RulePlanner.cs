using System.Globalization;
using AdPilot.Core.AdAccounts;
using AdPilot.Core.Campaigns;
using AdPilot.Core.Data;
using AdPilot.Core.Reports;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Automation;

/// <summary>
/// Works out what a rule does now, without changing anything: the entities in scope, their metrics over the window (read
/// in one grouped query of the report table), which match, and for each the action or why it is skipped. Preview shows
/// this plan and a run carries it out, so a preview is what the run then does.
/// </summary>
public sealed class RulePlanner(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public const string ReauthMessage = "The ad account needs to be re-authorised; the rule takes no action on it until then.";

    /// <param name="ruleId">The saved rule, for its cool-downs; null for a draft.</param>
    public async Task<RulePreview> PlanAsync(long userId, SaveRuleRequest rule, long? ruleId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = await CampaignRules.OwnedAccountAsync(db, userId, rule.AdAccountId, ct);
        var today = Periods.Today(clock, account.TimeZone);
        var to = rule.IncludeToday ? today : today.AddDays(-1);
        var from = to.AddDays(1 - rule.LookbackDays);
        var entities = await EntitiesAsync(db, userId, rule, ct);
        var ids = entities.Select(e => e.Id).ToList();
        var metrics = db.ReportMetrics.AsNoTracking()
            .Where(m => m.UserId == userId && m.AdAccountId == account.Id && m.Date >= from && m.Date <= to);
        var sums = await (rule.Level == RuleLevels.Campaign
                ? metrics.Where(m => ids.Contains(m.CampaignId)).GroupBy(m => m.CampaignId)
                : metrics.Where(m => ids.Contains(m.AdSetId)).GroupBy(m => m.AdSetId))
            .Select(g => new { Id = g.Key, Spend = g.Sum(m => m.Spend), Impressions = g.Sum(m => m.Impressions), Clicks = g.Sum(m => m.Clicks),
                Conversions = g.Sum(m => m.Conversions), Revenue = g.Sum(m => m.Revenue) })
            .ToDictionaryAsync(s => s.Id, ct);
        var cooling = ruleId is { } id && rule.CooldownHours > 0 ? await CoolingAsync(db, id, rule.CooldownHours, ct) : [];
        var blocked = account.Status != AdAccountStatus.Active ? ReauthMessage : null;

        var items = new List<RulePlanItem>();
        foreach (var entity in entities)
        {
            var s = sums.GetValueOrDefault(entity.Id);
            var values = RuleConditions.Metrics(s?.Spend ?? 0, s?.Impressions ?? 0, s?.Clicks ?? 0, s?.Conversions ?? 0, s?.Revenue ?? 0,
                entity.BudgetType == BudgetType.Daily ? entity.Budget : null, rule.LookbackDays);
            if (RuleConditions.Holds(rule.Conditions, values))
            {
                items.Add(Decide(rule, entity, values, blocked is not null, cooling.Contains(entity.Id)));
            }
        }

        return new RulePreview(from, to, entities.Count, items, blocked);
    }

    private static RulePlanItem Decide(SaveRuleRequest rule, Entity e, RuleMetrics values, bool blocked, bool cooling)
    {
        RulePlanItem Item(string outcome, string? reason, string? before, string? after) =>
            new(rule.Level, e.Id, e.Name, e.CampaignId, e.Currency, values, outcome, reason, before, after);

        var status = CampaignMapping.Name(e.Status);
        if (rule.Action == RuleActions.NotifyOnly)
        {
            return cooling ? Item(PlanOutcomes.Skip, SkipReasons.Cooldown, null, null) : Item(PlanOutcomes.Notify, null, null, null);
        }

        if (blocked)
        {
            return Item(PlanOutcomes.Skip, SkipReasons.ReauthRequired, null, null);
        }

        if (cooling)
        {
            return Item(PlanOutcomes.Skip, SkipReasons.Cooldown, null, null);
        }

        switch (rule.Action)
        {
            case RuleActions.Pause:
                return e.Status == DeliveryStatus.Paused ? Item(PlanOutcomes.Skip, SkipReasons.AlreadyPaused, status, status) : Item(PlanOutcomes.Act, null, status, "paused");
            case RuleActions.Resume:
                return e.Status == DeliveryStatus.Active ? Item(PlanOutcomes.Skip, SkipReasons.AlreadyActive, status, status) : Item(PlanOutcomes.Act, null, status, "active");
            default:
                if (e.Budget is not { } budget)
                {
                    return Item(PlanOutcomes.Skip, SkipReasons.NoBudget, null, null);
                }

                var next = RuleConditions.NewBudget(budget, rule.BudgetChangePercent ?? 0, rule.BudgetCap ?? budget);
                return next is { } n && n != budget
                    ? Item(PlanOutcomes.Act, null, Money(budget), Money(n))
                    : Item(PlanOutcomes.Skip, SkipReasons.CapReached, Money(budget), Money(budget));
        }
    }

    public static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static async Task<List<Entity>> EntitiesAsync(AppDbContext db, long userId, SaveRuleRequest rule, CancellationToken ct)
    {
        var campaigns = db.Campaigns.AsNoTracking().Where(c => c.UserId == userId && c.AdAccountId == rule.AdAccountId && c.Status != DeliveryStatus.Archived);
        if (rule.CampaignIds.Count > 0)
        {
            var campaignIds = rule.CampaignIds.ToList();
            campaigns = campaigns.Where(c => campaignIds.Contains(c.Id));
        }

        if (rule.Level == RuleLevels.Campaign)
        {
            return await campaigns.OrderBy(c => c.Id)
                .Select(c => new Entity(c.Id, c.Name, c.Id, c.Status, (BudgetType?)c.BudgetType, (decimal?)c.Budget, c.Currency)).ToListAsync(ct);
        }

        var adSets = db.AdSets.AsNoTracking().Where(s => s.UserId == userId && s.Status != DeliveryStatus.Archived);
        if (rule.AdSetIds.Count > 0)
        {
            var adSetIds = rule.AdSetIds.ToList();
            adSets = adSets.Where(s => adSetIds.Contains(s.Id));
        }

        return await adSets.Join(campaigns, s => s.CampaignId, c => c.Id, (s, c) => new { s, c.Currency })
            .OrderBy(x => x.s.Id).Select(x => new Entity(x.s.Id, x.s.Name, x.s.CampaignId, x.s.Status, x.s.BudgetType, x.s.Budget, x.Currency)).ToListAsync(ct);
    }

    /// <summary>Entities this rule acted on (or notified about) within the cool-down.</summary>
    private async Task<HashSet<long>> CoolingAsync(AppDbContext db, long ruleId, int hours, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddHours(-hours);
        var ids = await db.AutomationRuleRuns.Where(r => r.RuleId == ruleId && r.StartedAt > since)
            .SelectMany(r => r.Items).Where(i => i.Outcome == RunOutcomes.Acted || i.Outcome == RunOutcomes.Notified)
            .Select(i => i.EntityId).Distinct().ToListAsync(ct);
        return [.. ids];
    }

    private sealed record Entity(long Id, string Name, long CampaignId, DeliveryStatus Status, BudgetType? BudgetType, decimal? Budget, string Currency);
}

public static class PlanOutcomes
{
    public const string Act = "act";
    public const string Notify = "notify";
    public const string Skip = "skip";
}
