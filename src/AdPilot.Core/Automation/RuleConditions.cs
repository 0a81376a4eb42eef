namespace AdPilot.Core.Automation;

/// <summary>The metrics of one entity over the window, and whether a rule's conditions hold for them. Pure: unit-tested on numbers.</summary>
public static class RuleConditions
{
    /// <param name="dailyBudget">The entity's own daily budget, or null (a lifetime budget, or none): budget_utilisation is then unknown.</param>
    /// <param name="days">The number of days in the window (today counts as a whole day when included).</param>
    public static RuleMetrics Metrics(decimal spend, long impressions, long clicks, long conversions, decimal revenue, decimal? dailyBudget, int days) =>
        new(spend, impressions, clicks, conversions, revenue,
            Cpa: conversions > 0 ? Round(spend / conversions) : null,
            Roas: spend > 0 ? Round(revenue / spend) : null,
            Ctr: impressions > 0 ? Round(clicks * 100m / impressions) : null,
            Cpc: clicks > 0 ? Round(spend / clicks) : null,
            BudgetUtilisation: dailyBudget is > 0 && days > 0 ? Round(spend / (dailyBudget.Value * days)) : null);

    /// <summary>True when every condition holds. A metric without a value (CPA with no conversions) never satisfies a condition.</summary>
    public static bool Holds(IReadOnlyList<RuleCondition> conditions, RuleMetrics metrics) =>
        conditions.Count > 0 && conditions.All(c => Holds(c, metrics.Value(c.Metric)));

    public static bool Holds(RuleCondition condition, decimal? value) => value is { } v && condition.Operator switch
    {
        "gt" => v > condition.Value,
        "gte" => v >= condition.Value,
        "lt" => v < condition.Value,
        "lte" => v <= condition.Value,
        "eq" => v == condition.Value,
        _ => false,
    };

    /// <summary>
    /// The budget after a change of <paramref name="percent"/>, held to the cap: a raise never ends above it, a cut never below.
    /// Null when the budget is already at or past the cap in the change's direction (nothing to do).
    /// </summary>
    public static decimal? NewBudget(decimal current, decimal percent, decimal cap)
    {
        var target = Math.Round(current * (1 + percent / 100m), 2, MidpointRounding.AwayFromZero);
        if (percent >= 0)
        {
            return current >= cap ? null : Math.Min(target, cap);
        }

        return current <= cap ? null : Math.Max(target, cap);
    }

    private static decimal Round(decimal value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);
}
