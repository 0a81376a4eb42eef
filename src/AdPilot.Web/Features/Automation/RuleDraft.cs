using AdPilot.Core.Automation;

namespace AdPilot.Web.Features.Automation;

/// <summary>The editor's mutable copy of a rule; <see cref="Request"/> is what is previewed and saved.</summary>
public sealed class RuleDraft
{
    public string Name { get; set; } = "";
    public bool Enabled { get; set; } = true;
    public long AdAccountId { get; set; }
    public IEnumerable<long> CampaignIds { get; set; } = [];
    public string Level { get; set; } = RuleLevels.AdSet;
    public List<ConditionDraft> Conditions { get; set; } = [];
    public int LookbackDays { get; set; } = 3;
    public bool IncludeToday { get; set; }
    public string Action { get; set; } = RuleActions.NotifyOnly;
    public decimal? BudgetChangePercent { get; set; }
    public decimal? BudgetCap { get; set; }
    public string Schedule { get; set; } = RuleSchedules.Daily;
    public int DailyHour { get; set; } = 8;
    public int CooldownHours { get; set; } = 24;
    public int ErrorStopThreshold { get; set; } = 3;
    public IReadOnlyList<long> AdSetIds { get; set; } = [];

    public static RuleDraft From(RuleView r) => new()
    {
        Name = r.Name, Enabled = r.Enabled, AdAccountId = r.AdAccountId, CampaignIds = r.CampaignIds, AdSetIds = r.AdSetIds, Level = r.Level,
        Conditions = r.Conditions.Select(c => new ConditionDraft(c.Metric, c.Operator, c.Value)).ToList(), LookbackDays = r.LookbackDays,
        IncludeToday = r.IncludeToday, Action = r.Action, BudgetChangePercent = r.BudgetChangePercent, BudgetCap = r.BudgetCap, Schedule = r.Schedule,
        DailyHour = r.DailyHour, CooldownHours = r.CooldownHours, ErrorStopThreshold = r.ErrorStopThreshold,
    };

    public SaveRuleRequest Request() => new()
    {
        Name = Name, Enabled = Enabled, AdAccountId = AdAccountId, CampaignIds = CampaignIds.ToList(), AdSetIds = Level == RuleLevels.AdSet ? AdSetIds : [],
        Level = Level, Conditions = Conditions.Select(c => new RuleCondition { Metric = c.Metric, Operator = c.Operator, Value = c.Value }).ToList(),
        LookbackDays = LookbackDays, IncludeToday = IncludeToday, Action = Action,
        BudgetChangePercent = Action == RuleActions.ChangeBudget ? BudgetChangePercent : null, BudgetCap = Action == RuleActions.ChangeBudget ? BudgetCap : null,
        Schedule = Schedule, DailyHour = DailyHour, CooldownHours = CooldownHours, ErrorStopThreshold = ErrorStopThreshold,
    };
}

public sealed class ConditionDraft(string metric, string op, decimal value)
{
    public string Metric { get; set; } = metric;
    public string Operator { get; set; } = op;
    public decimal Value { get; set; } = value;
}
