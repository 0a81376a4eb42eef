using AdPilot.Core.Automation;
using AdPilot.Core.Campaigns;
using AdPilot.Core.Reports;
using AdPilot.Core.Tests.Actions;
using AdPilot.Core.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace AdPilot.Core.Tests.Automation;

/// <summary>
/// The undo world (a user, the simulated platform, an active campaign with two ad sets) plus the rule services, and
/// report rows seeded per ad set for the days around the test clock's today.
/// </summary>
internal sealed record RuleWorld(UndoWorld W, RulePlanner Planner, AutomationRuleService Rules, long SecondAdSetId)
{
    public static async Task<RuleWorld> CreateAsync(TestDatabase db, string email = "rules@example.com")
    {
        var w = await UndoWorld.CreateAsync(db, email);
        var detail = await w.Campaigns.AddAdSetAsync(w.UserId, w.CampaignId, new AdSetInput
        {
            Name = "Lookalike", BudgetType = BudgetType.Daily, Budget = 40m, Ads = [new AdInput { Name = "Second", Headline = "Hi" }],
        });
        await w.Campaigns.SetStatusAsync(w.UserId, CampaignLevel.Campaign, w.CampaignId, DeliveryStatus.Active);
        foreach (var adSet in detail.AdSets)
        {
            await w.Campaigns.SetStatusAsync(w.UserId, CampaignLevel.AdSet, adSet.Id, DeliveryStatus.Active);
        }

        var rules = Services(db, w, out var planner);
        return new RuleWorld(w, planner, rules, detail.AdSets.Single(s => s.Name == "Lookalike").Id);
    }

    /// <summary>Another runner over the same database and clock: a second node.</summary>
    public AutomationRuleService Node() => Services(W.Db, W, out _);

    private static AutomationRuleService Services(TestDatabase db, UndoWorld w, out RulePlanner planner)
    {
        planner = new RulePlanner(db, w.Clock);
        var runner = new RuleRunner(db, planner, w.Campaigns, w.Log, ServiceFactory.Notifications(db, w.Clock), w.Clock, NullLogger<RuleRunner>.Instance);
        return new AutomationRuleService(db, planner, runner, w.Clock, NullLogger<AutomationRuleService>.Instance);
    }

    /// <summary>The same numbers on each of the 7 days up to today, for one ad set's first ad.</summary>
    public async Task SeedDailyAsync(long adSetId, decimal spend, long conversions, decimal revenue, long impressions = 1000, long clicks = 50)
    {
        var detail = await W.Campaigns.GetAsync(W.UserId, W.CampaignId);
        var adId = detail.AdSets.Single(s => s.Id == adSetId).Ads[0].Id;
        await using var context = W.Db.CreateDbContext();
        var today = DateOnly.FromDateTime(W.Clock.GetUtcNow().UtcDateTime);
        for (var day = today.AddDays(-6); day <= today; day = day.AddDays(1))
        {
            context.ReportMetrics.Add(new ReportMetric
            {
                UserId = W.UserId, AdAccountId = W.AccountId, CampaignId = W.CampaignId, AdSetId = adSetId, AdId = adId, Date = day, Spend = spend,
                Impressions = impressions, Clicks = clicks, Conversions = conversions, Revenue = revenue, Currency = "USD", UpdatedAt = W.Clock.GetUtcNow().UtcDateTime,
            });
        }

        await context.SaveChangesAsync();
    }

    public SaveRuleRequest PauseHighCpa(int cooldownHours = 0) => new()
    {
        Name = "Pause expensive ad sets", AdAccountId = W.AccountId, Level = RuleLevels.AdSet, LookbackDays = 3, Action = RuleActions.Pause,
        Conditions = [new RuleCondition { Metric = "cpa", Operator = "gt", Value = 30 }, new RuleCondition { Metric = "spend", Operator = "gt", Value = 100 }],
        Schedule = RuleSchedules.Hourly, CooldownHours = cooldownHours,
    };

    public SaveRuleRequest RaiseBudget(decimal percent, decimal cap, int cooldownHours = 0) => new()
    {
        Name = "Scale winners", AdAccountId = W.AccountId, Level = RuleLevels.AdSet, LookbackDays = 3, Action = RuleActions.ChangeBudget,
        BudgetChangePercent = percent, BudgetCap = cap, Conditions = [new RuleCondition { Metric = "roas", Operator = "gt", Value = 4 }],
        Schedule = RuleSchedules.Daily, DailyHour = 10, CooldownHours = cooldownHours,
    };
}
