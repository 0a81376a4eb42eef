using AdPilot.Core.Automation;

namespace AdPilot.Core.Tests.Automation;

public sealed class RuleConditionsTests
{
    private static RuleCondition C(string metric, string op, decimal value) => new() { Metric = metric, Operator = op, Value = value };

    [Fact]
    public void Metrics_DerivesRatiosFromSums_AndLeavesThemNullWithoutADenominator()
    {
        var m = RuleConditions.Metrics(spend: 120m, impressions: 4000, clicks: 80, conversions: 3, revenue: 480m, dailyBudget: 50m, days: 3);
        Assert.Equal((40m, 4m, 2m, 1.5m, 0.8m), (m.Cpa!.Value, m.Roas!.Value, m.Ctr!.Value, m.Cpc!.Value, m.BudgetUtilisation!.Value));

        var empty = RuleConditions.Metrics(0, 0, 0, 0, 0, null, 3);
        Assert.Equal((null, null, null, null, null), (empty.Cpa, empty.Roas, empty.Ctr, empty.Cpc, empty.BudgetUtilisation));
    }

    [Theory]
    [InlineData("gt", 40, false)]
    [InlineData("gt", 39.99, true)]
    [InlineData("gte", 40, true)]
    [InlineData("lt", 40.01, true)]
    [InlineData("lte", 39.99, false)]
    [InlineData("eq", 40, true)]
    public void Holds_ComparesTheMetricWithTheValue(string op, double value, bool expected)
    {
        var m = RuleConditions.Metrics(120m, 4000, 80, 3, 480m, 50m, 3);
        Assert.Equal(expected, RuleConditions.Holds([C("cpa", op, (decimal)value)], m));
    }

    [Fact]
    public void Holds_EveryConditionMustHold_AndAMissingValueNeverMatches()
    {
        var m = RuleConditions.Metrics(120m, 4000, 80, 3, 480m, null, 3);
        Assert.True(RuleConditions.Holds([C("cpa", "gt", 30), C("spend", "gt", 100)], m));
        Assert.False(RuleConditions.Holds([C("cpa", "gt", 30), C("spend", "gt", 200)], m));
        Assert.False(RuleConditions.Holds([C("budget_utilisation", "lt", 5)], m));
        Assert.False(RuleConditions.Holds([C("cpa", "lt", 1000)], RuleConditions.Metrics(120m, 4000, 80, 0, 0, null, 3)));
        Assert.False(RuleConditions.Holds([], m));
    }

    [Theory]
    [InlineData(20, 50, 25, 25.0)]      // a raise stops at the cap
    [InlineData(20, 20, 100, 24.0)]     // within the cap
    [InlineData(25, 20, 25, null)]    // at the cap: nothing to do
    [InlineData(30, 20, 25, null)]    // above the cap already: never raised further
    [InlineData(100, -30, 80, 80.0)]    // a cut stops at the floor
    [InlineData(100, -10, 50, 90.0)]
    [InlineData(50, -10, 50, null)]
    public void NewBudget_NeverPassesTheCap(double current, double percent, double cap, double? expected)
    {
        var next = RuleConditions.NewBudget((decimal)current, (decimal)percent, (decimal)cap);
        Assert.Equal(expected is { } e ? (decimal)e : null, next);
    }
}
