using System.ComponentModel;
using AdPilot.Core.Automation;
using AdPilot.Core.Common;
using AdPilot.Web.Features.Mcp;
using ModelContextProtocol.Server;

namespace AdPilot.Web.Features.Automation;

public sealed record RuleList([property: Description("The user's automation rules, newest first.")] IReadOnlyList<RuleView> Rules);

public sealed record RuleSaveOutcome(
    [property: Description("True when this was a dry run: nothing was saved.")] bool DryRun,
    [property: Description("The saved rule; null for a dry run.")] RuleView? Rule,
    [property: Description("What the rule would do if it ran now: matching entities, each with the change or why it is skipped.")] RulePreview Preview);

public sealed record RuleRunOutcome(
    [property: Description("True when this was a dry run: nothing was changed.")] bool DryRun,
    [property: Description("What the run does (a dry run) or did.")] RulePreview? Preview,
    [property: Description("The run with each entity's outcome and its action-log entry (undo it there); null for a dry run.")] RuleRunDetail? Run);

public sealed record RuleDeleted([property: Description("The id of the deleted rule.")] long RuleId);

/// <summary>
/// MCP tools over <see cref="AutomationRuleService"/>: rules that pause, resume, change budgets or notify on their own.
/// Their actions are logged (source <c>rule</c>) and can be undone with undo_action.
/// </summary>
[McpServerToolType]
internal sealed class RulesTools(ToolCaller caller, AutomationRuleService rules)
{
    private const string RuleIdHelp = "The rule's id, from get_rules.";
    private const string DryRunHelp = "True to see what would happen without saving or changing anything.";
    private const string RuleHelp = "The rule: name, enabled, ad_account_id, campaign_ids and ad_set_ids (empty = all), level (campaign or ad_set), " +
        "conditions (all must hold: metric spend|cpa|roas|ctr|cpc|conversions|impressions|budget_utilisation, operator gt|gte|lt|lte|eq, value), " +
        "lookback_days (1–30, full days in the account's time zone), include_today, action (pause|resume|change_budget|notify_only), " +
        "budget_change_percent and budget_cap (change_budget only: a raise never goes above the cap, a cut never below), schedule (hourly|daily), " +
        "daily_hour (0–23, the user's time zone), cooldown_hours, error_stop_threshold.";

    [McpServerTool(Name = "get_rules", Title = "List automation rules", UseStructuredContent = true, ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("Lists the user's automation rules with their state (enabled, why one turned itself off), schedule and last run.")]
    public async Task<RuleList> GetRulesAsync(CancellationToken ct = default) => new(await rules.ListAsync(caller.UserId, ct));

    [McpServerTool(Name = "get_rule", Title = "Get an automation rule", UseStructuredContent = true, ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("One automation rule with its scope, conditions, action, schedule and safety settings.")]
    public Task<RuleView> GetRuleAsync([Description(RuleIdHelp)] long rule_id, CancellationToken ct = default) =>
        rules.GetAsync(caller.UserId, rule_id, ct);

    [McpServerTool(Name = "create_rule", Title = "Create an automation rule", UseStructuredContent = true, ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Creates an automation rule that then runs on its schedule. Call with dry_run: true first and show the user the preview " +
        "(which entities match now and what would change); save only after they agree.")]
    public async Task<RuleSaveOutcome> CreateRuleAsync(
        [Description(RuleHelp)] SaveRuleRequest rule, [Description(DryRunHelp)] bool dry_run = false, CancellationToken ct = default)
    {
        var preview = await rules.PreviewAsync(caller.UserId, rule, ct);
        return dry_run ? new(true, null, preview) : new(false, await rules.CreateAsync(caller.UserId, rule, ct), preview);
    }

    [McpServerTool(Name = "update_rule", Title = "Update an automation rule", UseStructuredContent = true, ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Replaces an automation rule with the one given (send every field; get_rule gives the current ones). Turning a rule that stopped " +
        "itself on again clears its error count. Call with dry_run: true first to show the preview.")]
    public async Task<RuleSaveOutcome> UpdateRuleAsync(
        [Description(RuleIdHelp)] long rule_id, [Description(RuleHelp)] SaveRuleRequest rule, [Description(DryRunHelp)] bool dry_run = false, CancellationToken ct = default)
    {
        await rules.GetAsync(caller.UserId, rule_id, ct);
        var preview = await rules.PreviewAsync(caller.UserId, rule, ct);
        return dry_run ? new(true, null, preview) : new(false, await rules.UpdateAsync(caller.UserId, rule_id, rule, ct), preview);
    }

    [McpServerTool(Name = "delete_rule", Title = "Delete an automation rule", UseStructuredContent = true, ReadOnly = false, Destructive = true, Idempotent = true, OpenWorld = false)]
    [Description("Deletes an automation rule and its run history. The changes it made stay (undo them in the action log). Needs confirm: true.")]
    public async Task<RuleDeleted> DeleteRuleAsync(
        [Description(RuleIdHelp)] long rule_id,
        [Description("Must be true to delete (the user agreed); otherwise the call fails with confirmation_required.")] bool confirm = false,
        CancellationToken ct = default)
    {
        var rule = await rules.GetAsync(caller.UserId, rule_id, ct);
        if (!confirm)
        {
            throw new ConfirmationRequiredException($"Deleting the rule \"{rule.Name}\" removes it and its run history. Nothing was changed. Ask the user, then call again with confirm: true.");
        }

        await rules.DeleteAsync(caller.UserId, rule_id, ct);
        return new RuleDeleted(rule_id);
    }

    [McpServerTool(Name = "preview_rule", Title = "Preview an automation rule", UseStructuredContent = true, ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("What a saved rule would do if it ran now (its cool-downs included): the entities that match, their metric values, " +
        "and for each the change (status or budget, before → after) or why it would be skipped.")]
    public Task<RulePreview> PreviewRuleAsync([Description(RuleIdHelp)] long rule_id, CancellationToken ct = default) =>
        rules.PreviewAsync(caller.UserId, rule_id, ct);

    [McpServerTool(Name = "run_rule", Title = "Run an automation rule now", UseStructuredContent = true, ReadOnly = false, Destructive = true, Idempotent = false, OpenWorld = true)]
    [Description("Runs a rule now, apart from its schedule: its actions change the ad platform and land in the action log, where each can be undone. " +
        "Call with dry_run: true first and show the user; a run that raises a budget by more than 50 % needs confirm: true.")]
    public async Task<RuleRunOutcome> RunRuleAsync(
        [Description(RuleIdHelp)] long rule_id,
        [Description(DryRunHelp)] bool dry_run = false,
        [Description("Must be true to apply a run that raises a budget by more than 50 % (the user agreed); otherwise it fails with confirmation_required.")] bool confirm = false,
        CancellationToken ct = default)
    {
        var preview = await rules.PreviewAsync(caller.UserId, rule_id, ct);
        if (dry_run)
        {
            return new(true, preview, null);
        }

        if (AutomationRuleService.ConfirmBecause(preview) is { } reason && !confirm)
        {
            throw new ConfirmationRequiredException($"{reason} Nothing was changed. Show the user the dry run, and after they agree call again with confirm: true.");
        }

        return new(false, null, await rules.RunAsync(caller.UserId, rule_id, ct));
    }
}
