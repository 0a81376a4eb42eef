using AdPilot.Core.Campaigns;
using AdPilot.Core.Common;
using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AdPilot.Core.Automation;

/// <summary>
/// Automation rules (docs/decisions/039): create, change, delete, preview (a saved rule or a draft), run now, and the hourly
/// job that runs each due rule once per slot across nodes. Every call is scoped to the user; another user's rule is not found.
/// </summary>
public sealed class AutomationRuleService(
    IDbContextFactory<AppDbContext> dbFactory, RulePlanner planner, RuleRunner runner, TimeProvider clock, ILogger<AutomationRuleService> logger)
{
    public async Task<IReadOnlyList<RuleView>> ListAsync(long userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rules = await db.AutomationRules.AsNoTracking().Where(r => r.UserId == userId).OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).ToListAsync(ct);
        return rules.Select(RuleMapping.View).ToList();
    }

    public async Task<RuleView> GetAsync(long userId, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return RuleMapping.View(await FindAsync(db, userId, id, ct));
    }

    public async Task<RuleView> CreateAsync(long userId, SaveRuleRequest request, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await ValidateAsync(db, userId, request, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var rule = new AutomationRule { UserId = userId, CreatedAt = now, UpdatedAt = now };
        RuleMapping.Apply(request, rule);
        rule.NextRunAt = await NextRunAsync(db, rule, now, ct);
        db.AutomationRules.Add(rule);
        await db.SaveChangesAsync(ct);
        return RuleMapping.View(rule);
    }

    /// <summary>Replaces the rule. Turning it on again clears the reason it turned itself off and its error count.</summary>
    public async Task<RuleView> UpdateAsync(long userId, long id, SaveRuleRequest request, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rule = await FindAsync(db, userId, id, ct, tracked: true);
        await ValidateAsync(db, userId, request, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var wasEnabled = rule.Enabled;
        var (schedule, hour) = (rule.Schedule, rule.DailyHour);
        RuleMapping.Apply(request, rule);
        if (rule.Enabled && !wasEnabled)
        {
            (rule.DisabledReason, rule.ConsecutiveErrors) = (null, 0);
        }

        if (!rule.Enabled || !wasEnabled || schedule != rule.Schedule || hour != rule.DailyHour || rule.NextRunAt is null)
        {
            rule.NextRunAt = await NextRunAsync(db, rule, now, ct);
        }

        rule.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return RuleMapping.View(rule);
    }

    public async Task<RuleView> SetEnabledAsync(long userId, long id, bool enabled, CancellationToken ct = default)
    {
        var request = RuleMapping.Request(await LoadAsync(userId, id, ct)) with { Enabled = enabled };
        return await UpdateAsync(userId, id, request, ct);
    }

    public async Task DeleteAsync(long userId, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rule = await FindAsync(db, userId, id, ct, tracked: true);
        db.AutomationRules.Remove(rule);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>What a draft would do now (nothing is saved or changed); cool-downs do not apply to a draft.</summary>
    public async Task<RulePreview> PreviewAsync(long userId, SaveRuleRequest draft, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await ValidateAsync(db, userId, draft, ct);
        }

        return await planner.PlanAsync(userId, draft, null, ct);
    }

    /// <summary>What the saved rule would do if it ran now, its cool-downs included.</summary>
    public async Task<RulePreview> PreviewAsync(long userId, long id, CancellationToken ct = default)
    {
        var rule = await LoadAsync(userId, id, ct);
        return await planner.PlanAsync(userId, RuleMapping.Request(rule), rule.Id, ct);
    }

    /// <summary>Runs the rule now (a disabled rule too: the user asked for it), apart from its schedule.</summary>
    public async Task<RuleRunDetail> RunAsync(long userId, long id, CancellationToken ct = default) =>
        await runner.RunAsync(await LoadAsync(userId, id, ct), RuleTriggers.Manual, ct);

    /// <summary>Why running the plan needs the user's confirmation when a writer other than a person clicking runs it (a budget raise over 50 %); null when not.</summary>
    public static string? ConfirmBecause(RulePreview plan) =>
        plan.Items.FirstOrDefault(i => i.Outcome == PlanOutcomes.Act && i.Before is not null && i.After is not null
                && decimal.TryParse(i.Before, System.Globalization.CultureInfo.InvariantCulture, out var from)
                && decimal.TryParse(i.After, System.Globalization.CultureInfo.InvariantCulture, out var to) && Actions.WriteRules.IsBigBudgetRaise(from, to)) is { } big
            ? $"The run raises the budget of {big.EntityType.Replace('_', ' ')} \"{big.EntityName}\" from {big.Before} to {big.After}, more than 50 %."
            : null;

    public async Task<Paged<RuleRunView>> RunsAsync(long userId, long id, int page = 1, int pageSize = 20, CancellationToken ct = default)
    {
        if (page is < 1 or > 10_000 || pageSize is < 1 or > 100)
        {
            throw ValidationFailedException.For(page < 1 || page > 10_000 ? "page" : "pageSize", "Page is 1 to 10,000; page size 1 to 100.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await FindAsync(db, userId, id, ct);
        var runs = db.AutomationRuleRuns.AsNoTracking().Where(r => r.RuleId == id && r.UserId == userId);
        var total = await runs.CountAsync(ct);
        var items = await runs.OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<RuleRunView>(items.Select(RuleMapping.Run).ToList(), page, pageSize, total);
    }

    public async Task<RuleRunDetail> GetRunAsync(long userId, long ruleId, long runId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.AutomationRuleRuns.AsNoTracking().Include(r => r.Items)
            .SingleOrDefaultAsync(r => r.Id == runId && r.RuleId == ruleId && r.UserId == userId, ct) ?? throw new NotFoundException("RuleRun", runId);
        return RuleMapping.Detail(run);
    }

    /// <summary>
    /// The hourly job: every enabled rule whose slot has come runs once. A node claims a slot by moving the rule's next-run
    /// time on with a conditional update; a node that loses the race (the time moved already) leaves the rule alone.
    /// </summary>
    public async Task<RunDueSummary> RunDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<(AutomationRule Rule, string TimeZone)> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            due = (await db.AutomationRules.AsNoTracking().Where(r => r.Enabled && r.NextRunAt != null && r.NextRunAt <= now)
                .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new { Rule = r, u.TimeZone }).OrderBy(x => x.Rule.NextRunAt).ToListAsync(ct))
                .Select(x => (x.Rule, x.TimeZone)).ToList();
        }

        var ran = 0;
        foreach (var (rule, zone) in due)
        {
            var slot = rule.NextRunAt!.Value;
            var next = RuleSchedule.Next(rule.Schedule, rule.DailyHour, zone, now);
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                var claimed = await db.AutomationRules.Where(r => r.Id == rule.Id && r.Enabled && r.NextRunAt == slot)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.NextRunAt, next), ct);
                if (claimed != 1)
                {
                    continue;
                }
            }

            try
            {
                await runner.RunAsync(rule, RuleTriggers.Schedule, ct);
                ran++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Automation rule {RuleId} failed in its {Slot:u} slot", rule.Id, slot);
            }
        }

        return new RunDueSummary(due.Count, ran);
    }

    private async Task<AutomationRule> LoadAsync(long userId, long id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await FindAsync(db, userId, id, ct);
    }

    private static async Task<AutomationRule> FindAsync(AppDbContext db, long userId, long id, CancellationToken ct, bool tracked = false)
    {
        var rules = tracked ? db.AutomationRules : db.AutomationRules.AsNoTracking();
        return await rules.SingleOrDefaultAsync(r => r.Id == id && r.UserId == userId, ct) ?? throw new NotFoundException("Rule", id);
    }

    private static async Task<DateTime?> NextRunAsync(AppDbContext db, AutomationRule rule, DateTime now, CancellationToken ct)
    {
        if (!rule.Enabled)
        {
            return null;
        }

        var zone = await db.Users.Where(u => u.Id == rule.UserId).Select(u => u.TimeZone).SingleAsync(ct);
        return RuleSchedule.Next(rule.Schedule, rule.DailyHour, zone, now);
    }

    /// <summary>The annotations (nested conditions too), then what they cannot say: the action's settings and the scope's owners.</summary>
    private static async Task ValidateAsync(AppDbContext db, long userId, SaveRuleRequest request, CancellationToken ct)
    {
        RequestValidator.Validate(request);
        var errors = new Dictionary<string, string[]>();
        if (request.Action == RuleActions.ChangeBudget)
        {
            if (request.BudgetChangePercent is null or 0)
            {
                errors["budgetChangePercent"] = ["Say by how many percent to change the budget (negative to cut)."];
            }

            if (request.BudgetCap is null)
            {
                errors["budgetCap"] = ["A budget change needs a cap: the highest budget a raise reaches, the lowest a cut reaches."];
            }
        }

        if (request.Level == RuleLevels.Campaign && request.AdSetIds.Count > 0)
        {
            errors["adSetIds"] = ["Ad sets can only be chosen for a rule at ad set level."];
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        await CampaignRules.OwnedAccountAsync(db, userId, request.AdAccountId, ct);
        var campaignIds = request.CampaignIds.Distinct().ToList();
        if (campaignIds.Count > 0 && await db.Campaigns.CountAsync(c => c.UserId == userId && c.AdAccountId == request.AdAccountId && campaignIds.Contains(c.Id), ct) != campaignIds.Count)
        {
            throw ValidationFailedException.For("campaignIds", "Choose campaigns of the rule's ad account.");
        }

        var adSetIds = request.AdSetIds.Distinct().ToList();
        if (adSetIds.Count > 0 && await db.AdSets.Where(s => s.UserId == userId && adSetIds.Contains(s.Id))
                .Join(db.Campaigns.Where(c => c.AdAccountId == request.AdAccountId), s => s.CampaignId, c => c.Id, (s, c) => s.Id).CountAsync(ct) != adSetIds.Count)
        {
            throw ValidationFailedException.For("adSetIds", "Choose ad sets of the rule's ad account.");
        }
    }
}
