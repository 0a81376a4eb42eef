using AdPilot.Core.Reports;
using static AdPilot.Core.Reports.SuggestionRules;

namespace AdPilot.Core.Tests.Reports;

public sealed class SuggestionRulesTests
{
    private static Sums S(decimal spend, long conversions, decimal revenue) => new(spend, 1000, 50, conversions, revenue);

    private static Input With(
        Dictionary<long, Sums>? accounts = null, Dictionary<long, Sums>? week = null, Dictionary<long, Sums>? lastWeek = null,
        Dictionary<long, Sums>? yesterday = null, Dictionary<long, Sums>? adSets = null, decimal? budget = 100m, bool active = true) =>
        new(accounts ?? [], week ?? [], lastWeek ?? [], yesterday ?? [], adSets ?? [],
            [new CampaignInfo(10, 1, "Spring", active, budget)], [new AdSetInfo(100, 1, "Lookalike", active), new AdSetInfo(101, 1, "Broad", active)]);

    [Fact]
    public void AdSetCpaOverOneAndAHalfTimesTheAccounts_IsFlaggedForPausing()
    {
        var input = With(accounts: new() { [1] = S(1000m, 100, 0m) }, adSets: new() { [100] = S(160m, 10, 0m), [101] = S(150m, 10, 0m) });

        var suggestion = Assert.Single(Evaluate(input));

        Assert.Equal(("high_cpa_ad_set", "pause", ReportLevel.AdSet, 100L, "Lookalike"), (suggestion.Rule, suggestion.Action, suggestion.Entity.Level, suggestion.Entity.Id, suggestion.Entity.Name));
        Assert.Equal((16m, 10m, 1.6m), (suggestion.Numbers["cpa"], suggestion.Numbers["accountCpa"], suggestion.Numbers["ratio"]));
        Assert.Contains("16", suggestion.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RoasDownMoreThan30PercentWeekOnWeek_IsFlagged_ExactlyThirtyIsNot()
    {
        var dropped = Evaluate(With(week: new() { [10] = S(100m, 1, 69m) }, lastWeek: new() { [10] = S(100m, 1, 100m) }, budget: null));
        var thirty = Evaluate(With(week: new() { [10] = S(100m, 1, 70m) }, lastWeek: new() { [10] = S(100m, 1, 100m) }, budget: null));

        var suggestion = Assert.Single(dropped);
        Assert.Equal(("roas_drop", "open", -31m), (suggestion.Rule, suggestion.Action, suggestion.Numbers["changePercent"]));
        Assert.Empty(thirty);
    }

    [Fact]
    public void WinnerSpendingNinetyPercentOfItsDailyBudget_IsFlagged()
    {
        var winner = Evaluate(With(week: new() { [10] = S(600m, 30, 1500m) }, lastWeek: new() { [10] = S(600m, 30, 1500m) }, yesterday: new() { [10] = S(90m, 5, 200m) }));
        var underspending = Evaluate(With(week: new() { [10] = S(600m, 30, 1500m) }, yesterday: new() { [10] = S(89.99m, 5, 200m) }));
        var paused = Evaluate(With(week: new() { [10] = S(600m, 30, 1500m) }, yesterday: new() { [10] = S(95m, 5, 200m) }, active: false));

        Assert.Equal(("budget_limited_winner", 0.9m), (Assert.Single(winner).Rule, winner[0].Numbers["budgetUsed"]));
        Assert.Empty(underspending);
        Assert.Empty(paused);
    }

    [Fact]
    public void NoNumbers_NoSuggestions_AndTheOrderIsStable()
    {
        Assert.Empty(Evaluate(With()));
        var input = With(accounts: new() { [1] = S(100m, 10, 0m) }, adSets: new() { [100] = S(100m, 1, 0m), [101] = S(100m, 2, 0m) },
            week: new() { [10] = S(100m, 1, 10m) }, lastWeek: new() { [10] = S(100m, 1, 100m) });
        Assert.Equal(["high_cpa_ad_set:100", "high_cpa_ad_set:101", "roas_drop:10"], Evaluate(input).Select(s => $"{s.Rule}:{s.Entity.Id}"));
    }
}
