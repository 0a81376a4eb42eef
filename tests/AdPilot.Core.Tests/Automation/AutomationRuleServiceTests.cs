using AdPilot.Core.Actions;
using AdPilot.Core.AdAccounts;
using AdPilot.Core.Automation;
using AdPilot.Core.Campaigns;
using AdPilot.Core.Common;
using AdPilot.Core.Data;
using AdPilot.Core.Notifications;
using AdPilot.Core.Platforms;
using AdPilot.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Tests.Automation;

/// <summary>Rules on the simulated platform: preview is what the run does, and the rails (cap, cool-down, re-authorisation, error stop) hold.</summary>
public sealed class AutomationRuleServiceTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RunAsync_DoesWhatThePreviewShowed_ThroughThePlatform_IntoTheActionLogWithUndo(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var r = await RuleWorld.CreateAsync(db);
        await r.SeedDailyAsync(r.W.AdSetId, spend: 50m, conversions: 1, revenue: 60m);       // CPA 50, spend 150: matches
        await r.SeedDailyAsync(r.SecondAdSetId, spend: 50m, conversions: 5, revenue: 300m);  // CPA 10: does not
        var draft = r.PauseHighCpa();

        var preview = await r.Rules.PreviewAsync(r.W.UserId, draft);
        var rule = await r.Rules.CreateAsync(r.W.UserId, draft);
        var run = await r.Rules.RunAsync(r.W.UserId, rule.Id);

        var planned = Assert.Single(preview.Items);
        Assert.Equal((r.W.AdSetId, PlanOutcomes.Act, "active", "paused", 150m, 50m), (planned.EntityId, planned.Outcome, planned.Before, planned.After, planned.Metrics.Spend, planned.Metrics.Cpa));
        Assert.Equal(2, preview.Evaluated);
        Assert.Equal(preview.Items.Select(i => (i.EntityId, Outcome(i.Outcome), i.Reason, i.Before, i.After)),
            run.Items.Select(i => (i.EntityId, i.Outcome, i.Reason, i.Before, i.After)));
        Assert.Equal((1, 1, 0, RunStatuses.Succeeded, RuleTriggers.Manual), (run.Run.Matched, run.Run.Acted, run.Run.Skipped, run.Run.Status, run.Run.Trigger));
        Assert.Equal(PlatformStatus.Paused, (await r.W.RemoteAdSetAsync()).Status);

        var entry = await r.W.Log.GetAsync(r.W.UserId, run.Items[0].ActionLogId!.Value);
        Assert.Equal((ActionSources.Rule, "Pause expensive ad sets", "pause_ad_set", true), (entry.Source, entry.Client, entry.Action, entry.CanUndo));
        await r.W.Undo.UndoAsync(r.W.UserId, entry.Id, Actor.Web);
        Assert.Equal(PlatformStatus.Active, (await r.W.RemoteAdSetAsync()).Status);
    }

    [Fact]
    public async Task RunAsync_BudgetRaise_StopsAtTheCap_ThenSkipsAsCapReached()
    {
        await using var db = await TestDatabase.CreateAsync();
        var r = await RuleWorld.CreateAsync(db);
        await r.SeedDailyAsync(r.W.AdSetId, spend: 10m, conversions: 2, revenue: 80m);  // ROAS 8, budget 20
        var rule = await r.Rules.CreateAsync(r.W.UserId, r.RaiseBudget(50, 25));

        var first = await r.Rules.RunAsync(r.W.UserId, rule.Id);
        var second = await r.Rules.RunAsync(r.W.UserId, rule.Id);

        Assert.Equal((RunOutcomes.Acted, "20.00", "25.00"), (first.Items[0].Outcome, first.Items[0].Before, first.Items[0].After));
        Assert.Equal(25m, (await r.W.RemoteAdSetAsync()).Budget);
        Assert.Equal((RunOutcomes.Skipped, SkipReasons.CapReached), (second.Items[0].Outcome, second.Items[0].Reason));
        var entry = await r.W.Log.GetAsync(r.W.UserId, first.Items[0].ActionLogId!.Value);
        Assert.Equal(("update_ad_set", 20m, 25m), (entry.Action, entry.Before!["budget"]!.GetValue<decimal>(), entry.After!["budget"]!.GetValue<decimal>()));
    }

    [Fact]
    public async Task RunAsync_WithinTheCooldown_SkipsTheEntity_AndThePreviewSaysSo()
    {
        await using var db = await TestDatabase.CreateAsync();
        var r = await RuleWorld.CreateAsync(db);
        await r.SeedDailyAsync(r.W.AdSetId, spend: 10m, conversions: 2, revenue: 80m);
        var rule = await r.Rules.CreateAsync(r.W.UserId, r.RaiseBudget(10, 100, cooldownHours: 24));

        await r.Rules.RunAsync(r.W.UserId, rule.Id);
        r.W.Clock.Advance(TimeSpan.FromHours(23));
        var preview = await r.Rules.PreviewAsync(r.W.UserId, rule.Id);
        var cooling = await r.Rules.RunAsync(r.W.UserId, rule.Id);
        r.W.Clock.Advance(TimeSpan.FromHours(2));
        var after = await r.Rules.RunAsync(r.W.UserId, rule.Id);

        Assert.Equal(SkipReasons.Cooldown, preview.Items.Single().Reason);
        Assert.Equal((RunOutcomes.Skipped, SkipReasons.Cooldown), (cooling.Items[0].Outcome, cooling.Items[0].Reason));
        Assert.Equal((RunOutcomes.Acted, "22.00", "24.20"), (after.Items[0].Outcome, after.Items[0].Before, after.Items[0].After));
    }

    [Fact]
    public async Task RunAsync_AccountNeedsReauthorisation_ActsOnNothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var r = await RuleWorld.CreateAsync(db);
        await r.SeedDailyAsync(r.W.AdSetId, spend: 50m, conversions: 1, revenue: 60m);
        var rule = await r.Rules.CreateAsync(r.W.UserId, r.PauseHighCpa());
        await r.W.Accounts.MarkNeedsReauthAsync(r.W.AccountId, "expired");

        var run = await r.Rules.RunAsync(r.W.UserId, rule.Id);

        Assert.Equal((RunOutcomes.Skipped, SkipReasons.ReauthRequired), (run.Items[0].Outcome, run.Items[0].Reason));
        Assert.Equal(RulePlanner.ReauthMessage, run.Run.Message);
        Assert.Equal(0, (await r.W.Log.ListAsync(r.W.UserId, new ActionLogQuery { Source = ActionSources.Rule })).Total);
        await using var context = db.CreateDbContext();
        Assert.Equal(DeliveryStatus.Active, (await context.AdSets.SingleAsync(s => s.Id == r.W.AdSetId)).Status);
    }

    [Fact]
    public async Task RunAsync_AfterNConsecutivePlatformErrors_TurnsTheRuleOffWithAReason_AndNotifies()
    {
        await using var db = await TestDatabase.CreateAsync();
        var r = await RuleWorld.CreateAsync(db);
        await r.SeedDailyAsync(r.W.AdSetId, spend: 50m, conversions: 1, revenue: 60m);
        await r.SeedDailyAsync(r.SecondAdSetId, spend: 50m, conversions: 1, revenue: 60m);
        var rule = await r.Rules.CreateAsync(r.W.UserId, r.PauseHighCpa() with { ErrorStopThreshold = 3 });
        r.W.Faults.FailNext(PlatformErrorKind.Validation, "Ad set is locked", times: 10);

        var first = await r.Rules.RunAsync(r.W.UserId, rule.Id);
        var afterFirst = await r.Rules.GetAsync(r.W.UserId, rule.Id);
        await using (var context = db.CreateDbContext())
        {
            // The failed pauses stay marked sync_failed locally, as any write; put them back so the next run tries again.
            await context.AdSets.ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, DeliveryStatus.Active));
        }

        var second = await r.Rules.RunAsync(r.W.UserId, rule.Id);
        var stopped = await r.Rules.GetAsync(r.W.UserId, rule.Id);

        Assert.Equal((RunStatuses.Failed, 2, 0), (first.Run.Status, first.Run.Failed, first.Run.Acted));
        Assert.All(first.Items, i => Assert.Equal((RunOutcomes.Failed, SkipReasons.PlatformError), (i.Outcome, i.Reason)));
        Assert.Equal((true, 2), (afterFirst.Enabled, afterFirst.ConsecutiveErrors));
        Assert.Equal(RunStatuses.Stopped, second.Run.Status);
        Assert.Equal([RunOutcomes.Failed, RunOutcomes.Skipped], second.Items.Select(i => i.Outcome));
        Assert.Equal(SkipReasons.RuleStopped, second.Items[1].Reason);
        Assert.False(stopped.Enabled);
        Assert.Null(stopped.NextRunAt);
        Assert.Contains("Ad set is locked", stopped.DisabledReason);
        await using var check = db.CreateDbContext();
        var notice = await check.Notifications.SingleAsync(n => n.UserId == r.W.UserId && n.Category == NotificationCategories.RuleRun);
        Assert.Contains("turned itself off", notice.Title);

        var enabled = await r.Rules.SetEnabledAsync(r.W.UserId, rule.Id, true);
        Assert.Equal((true, null, 0), (enabled.Enabled, enabled.DisabledReason, enabled.ConsecutiveErrors));
    }

    [Fact]
    public async Task RunAsync_NotifyOnly_RaisesOneNotificationAndChangesNothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var r = await RuleWorld.CreateAsync(db);
        await r.SeedDailyAsync(r.W.AdSetId, spend: 50m, conversions: 1, revenue: 20m);
        await r.SeedDailyAsync(r.SecondAdSetId, spend: 50m, conversions: 1, revenue: 20m);
        var rule = await r.Rules.CreateAsync(r.W.UserId, r.PauseHighCpa() with
        {
            Action = RuleActions.NotifyOnly, Conditions = [new RuleCondition { Metric = "roas", Operator = "lt", Value = 1 }],
        });

        var run = await r.Rules.RunAsync(r.W.UserId, rule.Id);

        Assert.All(run.Items, i => Assert.Equal(RunOutcomes.Notified, i.Outcome));
        await using var context = db.CreateDbContext();
        var notice = await context.Notifications.SingleAsync(n => n.UserId == r.W.UserId && n.Category == NotificationCategories.RuleRun);
        Assert.Contains("matched 2", notice.Title);
        Assert.Equal($"/rules/{rule.Id}", notice.Link);
        Assert.Equal(0, (await r.W.Log.ListAsync(r.W.UserId, new ActionLogQuery { Source = ActionSources.Rule })).Total);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RunDueAsync_TwoNodesAtOnce_RunEachSlotOnce(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var r = await RuleWorld.CreateAsync(db);
        await r.SeedDailyAsync(r.W.AdSetId, spend: 10m, conversions: 2, revenue: 80m);
        var rule = await r.Rules.CreateAsync(r.W.UserId, r.RaiseBudget(10, 100) with { Schedule = RuleSchedules.Hourly });
        var other = r.Node();

        var early = await r.Rules.RunDueAsync();
        r.W.Clock.Advance(TimeSpan.FromHours(1).Add(TimeSpan.FromMinutes(5)));
        var both = await Task.WhenAll(r.Rules.RunDueAsync(), other.RunDueAsync());
        var again = await Task.WhenAll(r.Rules.RunDueAsync(), other.RunDueAsync());
        r.W.Clock.Advance(TimeSpan.FromHours(1));
        var nextSlot = await other.RunDueAsync();

        Assert.Equal(0, early.Ran);
        Assert.Equal(1, both.Sum(s => s.Ran));
        Assert.Equal(0, again.Sum(s => s.Ran));
        Assert.Equal(1, nextSlot.Ran);
        var runs = await r.Rules.RunsAsync(r.W.UserId, rule.Id);
        Assert.Equal(2, runs.Total);
        Assert.All(runs.Items, run => Assert.Equal(RuleTriggers.Schedule, run.Trigger));
        Assert.Equal(24.20m, (await r.W.RemoteAdSetAsync()).Budget);
    }

    [Fact]
    public async Task EveryCallWithAnId_AnotherUsersRule_IsNotFound()
    {
        await using var db = await TestDatabase.CreateAsync();
        var r = await RuleWorld.CreateAsync(db);
        var rule = await r.Rules.CreateAsync(r.W.UserId, r.PauseHighCpa());
        var run = await r.Rules.RunAsync(r.W.UserId, rule.Id);
        var stranger = await Seed.UserAsync(db, "stranger@example.com");

        await Assert.ThrowsAsync<NotFoundException>(() => r.Rules.GetAsync(stranger, rule.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => r.Rules.UpdateAsync(stranger, rule.Id, r.PauseHighCpa()));
        await Assert.ThrowsAsync<NotFoundException>(() => r.Rules.DeleteAsync(stranger, rule.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => r.Rules.PreviewAsync(stranger, rule.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => r.Rules.RunAsync(stranger, rule.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => r.Rules.RunsAsync(stranger, rule.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => r.Rules.GetRunAsync(stranger, rule.Id, run.Run.Id));
        var draft = await Assert.ThrowsAsync<ValidationFailedException>(() => r.Rules.PreviewAsync(stranger, r.PauseHighCpa()));
        Assert.Contains("adAccountId", draft.Errors.Keys);
        Assert.Empty(await r.Rules.ListAsync(stranger));
    }

    [Fact]
    public async Task CreateAsync_InvalidRule_FailsWithTheFields_NestedConditionsToo()
    {
        await using var db = await TestDatabase.CreateAsync();
        var r = await RuleWorld.CreateAsync(db);

        var nested = await Assert.ThrowsAsync<ValidationFailedException>(() => r.Rules.CreateAsync(r.W.UserId, r.PauseHighCpa() with
        {
            Conditions = [new RuleCondition { Metric = "profit", Operator = "gt", Value = 1 }, new RuleCondition { Metric = "cpa", Operator = "over", Value = -1 }],
        }));
        var budget = await Assert.ThrowsAsync<ValidationFailedException>(() => r.Rules.CreateAsync(r.W.UserId, r.RaiseBudget(20, 50) with { BudgetCap = null }));
        var scope = await Assert.ThrowsAsync<ValidationFailedException>(() => r.Rules.CreateAsync(r.W.UserId, r.PauseHighCpa() with { CampaignIds = [999_999] }));

        Assert.Equal(["conditions[0].metric", "conditions[1].operator", "conditions[1].value"], nested.Errors.Keys.Order());
        Assert.Equal(["budgetCap"], budget.Errors.Keys);
        Assert.Equal(["campaignIds"], scope.Errors.Keys);
        Assert.Empty(await r.Rules.ListAsync(r.W.UserId));
    }

    private static string Outcome(string planned) => planned switch
    {
        PlanOutcomes.Act => RunOutcomes.Acted,
        PlanOutcomes.Notify => RunOutcomes.Notified,
        _ => RunOutcomes.Skipped,
    };
}
