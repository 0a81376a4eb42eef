using System.ComponentModel.DataAnnotations;

namespace AdPilot.Core.Automation;

/// <summary>One condition: the metric over the look-back window, compared with the value (e.g. cpa gt 30).</summary>
public sealed record RuleCondition
{
    [Required]
    [AllowedValues("spend", "cpa", "roas", "ctr", "cpc", "conversions", "impressions", "budget_utilisation",
        ErrorMessage = "Metric must be spend, cpa, roas, ctr, cpc, conversions, impressions or budget_utilisation.")]
    public string Metric { get; init; } = "";

    [Required]
    [AllowedValues("gt", "gte", "lt", "lte", "eq", ErrorMessage = "Operator must be gt, gte, lt, lte or eq.")]
    public string Operator { get; init; } = "";

    [Range(0d, 1_000_000_000d, ErrorMessage = "Value must be between 0 and 1,000,000,000.")]
    public decimal Value { get; init; }
}

/// <summary>A rule as created, updated or previewed (a draft). Every condition must hold for an entity to match.</summary>
public sealed record SaveRuleRequest
{
    [Required]
    [StringLength(200, MinimumLength = 1)]
    public string Name { get; init; } = "";

    public bool Enabled { get; init; } = true;

    [Range(1, long.MaxValue, ErrorMessage = "Choose an ad account.")]
    public long AdAccountId { get; init; }

    [MaxLength(200)]
    public IReadOnlyList<long> CampaignIds { get; init; } = [];

    [MaxLength(200)]
    public IReadOnlyList<long> AdSetIds { get; init; } = [];

    [Required]
    [AllowedValues(RuleLevels.Campaign, RuleLevels.AdSet, ErrorMessage = "Level must be campaign or ad_set.")]
    public string Level { get; init; } = RuleLevels.AdSet;

    [Required]
    [MinLength(1, ErrorMessage = "Add at least one condition.")]
    [MaxLength(10, ErrorMessage = "A rule has at most 10 conditions.")]
    public IReadOnlyList<RuleCondition> Conditions { get; init; } = [];

    [Range(1, 30, ErrorMessage = "The look-back window is 1 to 30 days.")]
    public int LookbackDays { get; init; } = 3;

    public bool IncludeToday { get; init; }

    [Required]
    [AllowedValues(RuleActions.Pause, RuleActions.Resume, RuleActions.ChangeBudget, RuleActions.NotifyOnly,
        ErrorMessage = "Action must be pause, resume, change_budget or notify_only.")]
    public string Action { get; init; } = RuleActions.NotifyOnly;

    [Range(-90d, 500d, ErrorMessage = "The budget change is -90 % to +500 %.")]
    public decimal? BudgetChangePercent { get; init; }

    [Range(0.01d, 100_000_000d, ErrorMessage = "The cap must be above 0.")]
    public decimal? BudgetCap { get; init; }

    [Required]
    [AllowedValues(RuleSchedules.Hourly, RuleSchedules.Daily, ErrorMessage = "Schedule must be hourly or daily.")]
    public string Schedule { get; init; } = RuleSchedules.Daily;

    [Range(0, 23, ErrorMessage = "The hour is 0 to 23.")]
    public int DailyHour { get; init; } = 8;

    [Range(0, 720, ErrorMessage = "The cool-down is 0 to 720 hours.")]
    public int CooldownHours { get; init; } = 24;

    [Range(1, 100, ErrorMessage = "The error stop is 1 to 100 errors in a row.")]
    public int ErrorStopThreshold { get; init; } = 3;
}

public sealed record RuleView(
    long Id,
    string Name,
    bool Enabled,
    long AdAccountId,
    IReadOnlyList<long> CampaignIds,
    IReadOnlyList<long> AdSetIds,
    string Level,
    IReadOnlyList<RuleCondition> Conditions,
    int LookbackDays,
    bool IncludeToday,
    string Action,
    decimal? BudgetChangePercent,
    decimal? BudgetCap,
    string Schedule,
    int DailyHour,
    int CooldownHours,
    int ErrorStopThreshold,
    int ConsecutiveErrors,
    string? DisabledReason,
    DateTime? LastRunAt,
    DateTime? NextRunAt,
    DateTime CreatedAt,
    DateTime UpdatedAt);

/// <summary>The metric values of one entity over the window; null where a ratio has no denominator.</summary>
public sealed record RuleMetrics(
    decimal Spend, long Impressions, long Clicks, long Conversions, decimal Revenue, decimal? Cpa, decimal? Roas, decimal? Ctr, decimal? Cpc, decimal? BudgetUtilisation)
{
    public decimal? Value(string metric) => metric switch
    {
        "spend" => Spend,
        "cpa" => Cpa,
        "roas" => Roas,
        "ctr" => Ctr,
        "cpc" => Cpc,
        "conversions" => Conversions,
        "impressions" => Impressions,
        "budget_utilisation" => BudgetUtilisation,
        _ => null,
    };
}

/// <summary>
/// What a run does (or a preview would do) to one matched entity: <c>Outcome</c> act, notify or skip (with the reason),
/// and the status or budget before and after.
/// </summary>
public sealed record RulePlanItem(
    string EntityType,
    long EntityId,
    string EntityName,
    long CampaignId,
    string Currency,
    RuleMetrics Metrics,
    string Outcome,
    string? Reason,
    string? Before,
    string? After);

public sealed record RulePreview(DateOnly From, DateOnly To, int Evaluated, IReadOnlyList<RulePlanItem> Items, string? Blocked);

public sealed record RuleRunView(
    long Id,
    long RuleId,
    DateTime StartedAt,
    DateTime? FinishedAt,
    string Trigger,
    int Matched,
    int Acted,
    int Skipped,
    int Failed,
    string Status,
    string? Message);

public sealed record RuleRunItemView(
    string EntityType, long EntityId, string EntityName, RuleMetrics? Metrics, string Outcome, string? Reason, string? Before, string? After, string? Detail, long? ActionLogId);

public sealed record RuleRunDetail(RuleRunView Run, IReadOnlyList<RuleRunItemView> Items);

public sealed record RunDueSummary(int Due, int Ran);
