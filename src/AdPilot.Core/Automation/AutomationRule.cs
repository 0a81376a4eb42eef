using AdPilot.Core.Common;

namespace AdPilot.Core.Automation;

/// <summary>
/// A rule that acts on its own (docs/decisions/039): on the campaigns or ad sets of one ad account, when every condition
/// holds over the look-back window, pause, resume, change the budget (within a cap) or only notify; hourly or daily.
/// Conditions and the scope's id lists are JSON: they are read and written whole with the rule.
/// </summary>
public sealed class AutomationRule : IOwned
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public string Name { get; set; } = "";
    public bool Enabled { get; set; }
    public long AdAccountId { get; set; }

    /// <summary>Campaign ids the rule is limited to (JSON array); empty means every campaign of the account.</summary>
    public string CampaignIdsJson { get; set; } = "[]";

    /// <summary>Ad set ids the rule is limited to (JSON array, ad set level only); empty means every ad set in scope.</summary>
    public string AdSetIdsJson { get; set; } = "[]";

    public string Level { get; set; } = RuleLevels.AdSet;
    public string ConditionsJson { get; set; } = "[]";
    public int LookbackDays { get; set; } = 3;
    public bool IncludeToday { get; set; }
    public string Action { get; set; } = RuleActions.NotifyOnly;

    /// <summary>For change_budget: the change in percent, negative to cut.</summary>
    public decimal? BudgetChangePercent { get; set; }

    /// <summary>For change_budget: the highest budget a raise goes to, the lowest a cut goes to.</summary>
    public decimal? BudgetCap { get; set; }

    public string Schedule { get; set; } = RuleSchedules.Daily;

    /// <summary>For a daily schedule: the hour (0–23) in the user's time zone.</summary>
    public int DailyHour { get; set; } = 8;

    public int CooldownHours { get; set; } = 24;
    public int ErrorStopThreshold { get; set; } = 3;
    public int ConsecutiveErrors { get; set; }

    /// <summary>Why the rule turned itself off (N platform errors in a row); cleared when the user enables it again.</summary>
    public string? DisabledReason { get; set; }

    public DateTime? LastRunAt { get; set; }

    /// <summary>The scheduled slot the rule runs next; claimed by a conditional update so one node runs each slot.</summary>
    public DateTime? NextRunAt { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public static class RuleLevels
{
    public const string Campaign = "campaign";
    public const string AdSet = "ad_set";
}

public static class RuleActions
{
    public const string Pause = "pause";
    public const string Resume = "resume";
    public const string ChangeBudget = "change_budget";
    public const string NotifyOnly = "notify_only";
}

public static class RuleSchedules
{
    public const string Hourly = "hourly";
    public const string Daily = "daily";
}

public static class RuleTriggers
{
    public const string Manual = "manual";
    public const string Schedule = "schedule";
}
