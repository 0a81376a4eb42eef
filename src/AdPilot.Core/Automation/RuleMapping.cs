using System.Text.Json;

namespace AdPilot.Core.Automation;

/// <summary>Rule rows to contracts and back (the JSON columns included).</summary>
internal static class RuleMapping
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<RuleCondition> Conditions(AutomationRule r) => JsonSerializer.Deserialize<List<RuleCondition>>(r.ConditionsJson, Json) ?? [];

    public static SaveRuleRequest Request(AutomationRule r) => new()
    {
        Name = r.Name, Enabled = r.Enabled, AdAccountId = r.AdAccountId, CampaignIds = Ids(r.CampaignIdsJson), AdSetIds = Ids(r.AdSetIdsJson),
        Level = r.Level, Conditions = Conditions(r), LookbackDays = r.LookbackDays, IncludeToday = r.IncludeToday, Action = r.Action,
        BudgetChangePercent = r.BudgetChangePercent, BudgetCap = r.BudgetCap, Schedule = r.Schedule, DailyHour = r.DailyHour,
        CooldownHours = r.CooldownHours, ErrorStopThreshold = r.ErrorStopThreshold,
    };

    public static void Apply(SaveRuleRequest q, AutomationRule r)
    {
        r.Name = q.Name.Trim();
        r.Enabled = q.Enabled;
        r.AdAccountId = q.AdAccountId;
        r.CampaignIdsJson = JsonSerializer.Serialize(q.CampaignIds.Distinct(), Json);
        r.AdSetIdsJson = JsonSerializer.Serialize(q.Level == RuleLevels.AdSet ? q.AdSetIds.Distinct() : [], Json);
        r.Level = q.Level;
        r.ConditionsJson = JsonSerializer.Serialize(q.Conditions, Json);
        r.LookbackDays = q.LookbackDays;
        r.IncludeToday = q.IncludeToday;
        r.Action = q.Action;
        (r.BudgetChangePercent, r.BudgetCap) = q.Action == RuleActions.ChangeBudget ? (q.BudgetChangePercent, q.BudgetCap) : (null, null);
        r.Schedule = q.Schedule;
        r.DailyHour = q.DailyHour;
        r.CooldownHours = q.CooldownHours;
        r.ErrorStopThreshold = q.ErrorStopThreshold;
    }

    public static RuleView View(AutomationRule r) => new(r.Id, r.Name, r.Enabled, r.AdAccountId, Ids(r.CampaignIdsJson), Ids(r.AdSetIdsJson), r.Level,
        Conditions(r), r.LookbackDays, r.IncludeToday, r.Action, r.BudgetChangePercent, r.BudgetCap, r.Schedule, r.DailyHour, r.CooldownHours,
        r.ErrorStopThreshold, r.ConsecutiveErrors, r.DisabledReason, r.LastRunAt, r.NextRunAt, r.CreatedAt, r.UpdatedAt);

    public static RuleRunView Run(AutomationRuleRun r) =>
        new(r.Id, r.RuleId, r.StartedAt, r.FinishedAt, r.Trigger, r.Matched, r.Acted, r.Skipped, r.Failed, r.Status, r.Message);

    public static RuleRunDetail Detail(AutomationRuleRun r) => new(Run(r), r.Items.OrderBy(i => i.Id).Select(i => new RuleRunItemView(
        i.EntityType, i.EntityId, i.EntityName, JsonSerializer.Deserialize<RuleMetrics>(i.ValuesJson, Json), i.Outcome, i.Reason, i.Before, i.After,
        i.Detail, i.ActionLogId)).ToList());

    private static List<long> Ids(string json) => JsonSerializer.Deserialize<List<long>>(json, Json) ?? [];
}
