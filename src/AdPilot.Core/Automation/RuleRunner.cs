using System.Text.Json;
using System.Text.Json.Nodes;
using AdPilot.Core.Actions;
using AdPilot.Core.Campaigns;
using AdPilot.Core.Common;
using AdPilot.Core.Data;
using AdPilot.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AdPilot.Core.Automation;

/// <summary>
/// Carries out a rule's plan: each action through <see cref="CampaignService"/> (so the platform is synced) and into the
/// action log as the rule (so it can be undone); skips and failures with their reason; the run and its items saved; after
/// N platform errors in a row the rule turns itself off and says so.
/// </summary>
public sealed class RuleRunner(
    IDbContextFactory<AppDbContext> dbFactory,
    RulePlanner planner,
    CampaignService campaigns,
    ActionLogService actions,
    NotificationService notifications,
    TimeProvider clock,
    ILogger<RuleRunner> logger)
{
    public async Task<RuleRunDetail> RunAsync(AutomationRule rule, string trigger, CancellationToken ct = default)
    {
        var started = clock.GetUtcNow().UtcDateTime;
        var request = RuleMapping.Request(rule);
        var plan = await planner.PlanAsync(rule.UserId, request, rule.Id, ct);
        var run = new AutomationRuleRun { UserId = rule.UserId, RuleId = rule.Id, StartedAt = started, Trigger = trigger, Matched = plan.Items.Count };
        var errors = rule.ConsecutiveErrors;
        string? stopReason = null;
        var notified = new List<RulePlanItem>();
        foreach (var item in plan.Items)
        {
            var row = Row(item);
            run.Items.Add(row);
            if (item.Outcome == PlanOutcomes.Notify)
            {
                row.Outcome = RunOutcomes.Notified;
                notified.Add(item);
                continue;
            }

            if (item.Outcome == PlanOutcomes.Skip || stopReason is not null)
            {
                (row.Outcome, row.Reason) = (RunOutcomes.Skipped, item.Reason ?? SkipReasons.RuleStopped);
                continue;
            }

            var (actionId, error, reauth) = await ActAsync(rule, request, item, ct);
            if (reauth)
            {
                (row.Outcome, row.Reason, row.Detail) = (RunOutcomes.Skipped, SkipReasons.ReauthRequired, error);
            }
            else if (error is not null)
            {
                (row.Outcome, row.Reason, row.Detail) = (RunOutcomes.Failed, SkipReasons.PlatformError, Trim(error, 1000));
                if (++errors >= rule.ErrorStopThreshold)
                {
                    stopReason = error;
                }
            }
            else
            {
                (row.Outcome, row.ActionLogId) = (RunOutcomes.Acted, actionId);
                errors = 0;
            }
        }

        run.Acted = run.Items.Count(i => i.Outcome is RunOutcomes.Acted or RunOutcomes.Notified);
        run.Skipped = run.Items.Count(i => i.Outcome == RunOutcomes.Skipped);
        run.Failed = run.Items.Count(i => i.Outcome == RunOutcomes.Failed);
        run.Status = stopReason is not null ? RunStatuses.Stopped
            : run.Failed == 0 ? RunStatuses.Succeeded
            : run.Acted > 0 ? RunStatuses.Partial : RunStatuses.Failed;
        run.Message = plan.Blocked ?? (stopReason is null ? null : Trim($"Stopped after {errors} platform errors in a row: {stopReason}", 1000));
        run.FinishedAt = clock.GetUtcNow().UtcDateTime;
        await SaveAsync(rule, run, errors, stopReason, ct);
        if (notified.Count > 0)
        {
            await NotifyMatchedAsync(rule, notified, ct);
        }

        if (stopReason is not null)
        {
            await NotifyStoppedAsync(rule, errors, stopReason, ct);
        }

        return RuleMapping.Detail(run);
    }

    private async Task<(long? ActionId, string? Error, bool Reauth)> ActAsync(AutomationRule rule, SaveRuleRequest request, RulePlanItem item, CancellationToken ct)
    {
        var level = item.EntityType == RuleLevels.Campaign ? CampaignLevel.Campaign : CampaignLevel.AdSet;
        try
        {
            CampaignDetail detail;
            string action, verb, field;
            JsonNode before, after;
            if (request.Action == RuleActions.ChangeBudget)
            {
                var (from, to) = (decimal.Parse(item.Before!, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(item.After!, System.Globalization.CultureInfo.InvariantCulture));
                detail = level == CampaignLevel.Campaign
                    ? await campaigns.UpdateAsync(rule.UserId, item.EntityId, new UpdateCampaignRequest { Budget = to }, ct)
                    : await campaigns.UpdateAdSetAsync(rule.UserId, item.CampaignId, item.EntityId, new UpdateAdSetRequest { Budget = to }, ct);
                (action, verb, field, before, after) = ($"update_{item.EntityType}", $"changed the budget of", "budget", JsonValue.Create(from), JsonValue.Create(to));
            }
            else
            {
                var status = request.Action == RuleActions.Pause ? DeliveryStatus.Paused : DeliveryStatus.Active;
                detail = await campaigns.SetStatusAsync(rule.UserId, level, item.EntityId, status, ct);
                (action, verb, field, before, after) = ($"{request.Action}_{item.EntityType}", request.Action == RuleActions.Pause ? "paused" : "resumed",
                    "status", JsonValue.Create(item.Before!), JsonValue.Create(item.After!));
            }

            var (sync, syncError) = level == CampaignLevel.Campaign
                ? (detail.Campaign.SyncStatus, detail.Campaign.SyncError)
                : detail.AdSets.Where(s => s.Id == item.EntityId).Select(s => (s.SyncStatus, s.SyncError)).Single();
            // The campaign is pushed first: when it fails its ad sets stay pending, so anything but synced is a failure.
            if (sync != "synced" || detail.Campaign.SyncStatus != "synced")
            {
                return (null, syncError ?? detail.Campaign.SyncError ?? "The ad platform refused the change.", false);
            }

            var noun = item.EntityType.Replace('_', ' ');
            var summary = request.Action == RuleActions.ChangeBudget
                ? $"Rule \"{rule.Name}\" changed the budget of {noun} \"{item.EntityName}\" from {item.Before} to {item.After} {item.Currency}"
                : $"Rule \"{rule.Name}\" {verb} {noun} \"{item.EntityName}\"";
            var entry = await actions.RecordAsync(rule.UserId, new Actor(ActionSources.Rule, rule.Name), new ActionRecord(action, item.EntityType, item.EntityId,
                item.EntityName, summary, new JsonObject { [field] = before }, new JsonObject { [field] = after }), CancellationToken.None);
            return (entry.Id, null, false);
        }
        catch (ConflictException ex) when (ex.Code == "reauth_required")
        {
            return (null, ex.Message, true);
        }
        catch (DomainException ex)
        {
            return (null, ex.Message, false);
        }
    }

    private async Task SaveAsync(AutomationRule rule, AutomationRuleRun run, int errors, string? stopReason, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AutomationRuleRuns.Add(run);
        await db.SaveChangesAsync(CancellationToken.None);
        var disabledReason = stopReason is null ? null : Trim($"Turned off after {errors} platform errors in a row: {stopReason}", 1000);
        var rules = db.AutomationRules.Where(r => r.Id == rule.Id);
        if (disabledReason is null)
        {
            await rules.ExecuteUpdateAsync(s => s.SetProperty(r => r.LastRunAt, run.StartedAt).SetProperty(r => r.ConsecutiveErrors, errors), CancellationToken.None);
        }
        else
        {
            await rules.ExecuteUpdateAsync(s => s.SetProperty(r => r.LastRunAt, run.StartedAt).SetProperty(r => r.ConsecutiveErrors, errors)
                .SetProperty(r => r.Enabled, false).SetProperty(r => r.NextRunAt, (DateTime?)null).SetProperty(r => r.DisabledReason, disabledReason), CancellationToken.None);
        }
        if (stopReason is not null)
        {
            logger.LogWarning("Automation rule {RuleId} turned itself off after {Errors} platform errors in a row", rule.Id, errors);
        }
    }

    private async Task NotifyMatchedAsync(AutomationRule rule, List<RulePlanItem> items, CancellationToken ct)
    {
        var lines = items.Take(20).Select(i => $"{i.EntityName}: " + string.Join(", ", RuleMapping.Conditions(rule).Select(c =>
            $"{c.Metric} {Show(i.Metrics.Value(c.Metric))}")));
        var more = items.Count > 20 ? $"\n… +{items.Count - 20}" : "";
        await NotifyAsync(rule, "matched", NotificationType.Important, ct, rule.Name, items.Count, string.Join("\n", lines) + more);
    }

    private Task NotifyStoppedAsync(AutomationRule rule, int errors, string reason, CancellationToken ct) =>
        NotifyAsync(rule, "stopped", NotificationType.Important, ct, rule.Name, errors, reason);

    private async Task NotifyAsync(AutomationRule rule, string key, NotificationType type, CancellationToken ct, params object[] args)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var language = await db.Users.Where(u => u.Id == rule.UserId).Select(u => u.Language).SingleAsync(ct);
        var (title, body) = RuleTexts.For(key, language, args);
        await notifications.CreateAsync(rule.UserId, new CreateNotificationRequest
        {
            Type = type, Category = NotificationCategories.RuleRun, Title = Trim(title, 200), Body = Trim(body, 3000), Link = $"/rules/{rule.Id}",
        }, CancellationToken.None);
    }

    private static AutomationRuleRunItem Row(RulePlanItem item) => new()
    {
        EntityType = item.EntityType, EntityId = item.EntityId, EntityName = Trim(item.EntityName, 200),
        ValuesJson = JsonSerializer.Serialize(item.Metrics, RuleMapping.Json), Before = item.Before, After = item.After,
    };

    private static string Show(decimal? value) => value is { } v ? v.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) : "–";

    private static string Trim(string s, int max) => s.Length <= max ? s : s[..max];
}
