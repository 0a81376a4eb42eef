using AdPilot.Core.Automation;

namespace AdPilot.Web.Features.Automation;

/// <summary>Starting points the empty list offers: the rules marketers buy automation tools for.</summary>
public static class RuleTemplates
{
    public static readonly string[] All = ["pause_cpa", "scale_roas", "notify_roas"];

    public static RuleDraft For(string? template, long adAccountId) => template switch
    {
        "pause_cpa" => new RuleDraft
        {
            Name = "Pause ad sets with CPA > 30 and spend > 100 over 3 days", AdAccountId = adAccountId, Level = RuleLevels.AdSet, Action = RuleActions.Pause,
            LookbackDays = 3, Conditions = [new("cpa", "gt", 30), new("spend", "gt", 100)],
        },
        "scale_roas" => new RuleDraft
        {
            Name = "Raise budget 20 % when ROAS > 4 and budget-limited", AdAccountId = adAccountId, Level = RuleLevels.AdSet, Action = RuleActions.ChangeBudget,
            BudgetChangePercent = 20, BudgetCap = 500, LookbackDays = 3, Conditions = [new("roas", "gt", 4), new("budget_utilisation", "gte", 0.9m)],
        },
        "notify_roas" => new RuleDraft
        {
            Name = "Notify when ROAS < 1 for 2 days", AdAccountId = adAccountId, Level = RuleLevels.Campaign, Action = RuleActions.NotifyOnly,
            LookbackDays = 2, Conditions = [new("roas", "lt", 1)],
        },
        _ => new RuleDraft { AdAccountId = adAccountId, Conditions = [new("cpa", "gt", 30)] },
    };
}
