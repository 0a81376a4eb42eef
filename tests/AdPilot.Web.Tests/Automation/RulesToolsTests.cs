using System.Text.Json;
using AdPilot.Web.Tests.Actions;
using AdPilot.Web.Tests.Support;

namespace AdPilot.Web.Tests.Automation;

/// <summary>The rule tools through a real MCP client: each on its success path, its refusals, and not_found for another user's rule.</summary>
public sealed class RulesToolsTests(UndoHost app) : IClassFixture<UndoHost>
{
    [Fact]
    public async Task RuleTools_DryRunsPreview_BigRaisesNeedConfirm_ActionsAreUndoable()
    {
        var setup = await app.SetUpAsync("rules-tools@example.com");
        var client = setup.Client;
        var rule = Rule(setup.AccountId, percent: 100, cap: 100);

        var dry = await client.SucceedsAsync("create_rule", new { rule, dry_run = true });
        Assert.Equal(0, (await client.SucceedsAsync("get_rules")).GetProperty("rules").GetArrayLength());
        var created = await client.SucceedsAsync("create_rule", new { rule });
        var id = created.GetProperty("rule").GetProperty("id").GetInt64();
        await client.SucceedsAsync("get_rule", new { rule_id = id });
        var updated = await client.SucceedsAsync("update_rule", new { rule_id = id, rule = Rule(setup.AccountId, percent: 100, cap: 100, name: "Double it"), dry_run = true });
        var preview = await client.SucceedsAsync("preview_rule", new { rule_id = id });
        var runDry = await client.SucceedsAsync("run_rule", new { rule_id = id, dry_run = true });
        await client.FailsAsync("run_rule", new { rule_id = id }, "confirmation_required");
        var run = await client.SucceedsAsync("run_rule", new { rule_id = id, confirm = true });
        var actionId = run.GetProperty("run").GetProperty("items")[0].GetProperty("action_log_id").GetInt64();
        var undone = await client.SucceedsAsync("undo_action", new { action_id = actionId, confirm = true });
        await client.FailsAsync("delete_rule", new { rule_id = id }, "confirmation_required");
        await client.SucceedsAsync("delete_rule", new { rule_id = id, confirm = true });

        Assert.True(dry.GetProperty("dry_run").GetBoolean());
        Assert.Equal("40.00", dry.GetProperty("preview").GetProperty("items")[0].GetProperty("after").GetString());
        Assert.True(updated.GetProperty("dry_run").GetBoolean());
        Assert.Equal("40.00", preview.GetProperty("items")[0].GetProperty("after").GetString());
        Assert.True(runDry.GetProperty("dry_run").GetBoolean());
        Assert.Equal("acted", run.GetProperty("run").GetProperty("items")[0].GetProperty("outcome").GetString());
        Assert.Equal(20m, (await client.SucceedsAsync("get_campaign", new { campaign_id = setup.CampaignId })).GetProperty("ad_sets")[0].GetProperty("budget").GetDecimal());
        Assert.True(undone.GetProperty("applied").GetBoolean());
        await client.FailsAsync("get_rule", new { rule_id = id }, "not_found");
    }

    [Fact]
    public async Task RuleTools_AnotherUsersRule_IsNotFound()
    {
        var owner = await app.SetUpAsync("rules-tools-owner@example.com");
        var id = (await owner.Client.SucceedsAsync("create_rule", new { rule = Rule(owner.AccountId) })).GetProperty("rule").GetProperty("id").GetInt64();
        var other = await app.SetUpAsync("rules-tools-other@example.com");

        foreach (var tool in new[] { "get_rule", "preview_rule", "run_rule", "delete_rule" })
        {
            await other.Client.FailsAsync(tool, new { rule_id = id, confirm = true }, "not_found");
        }

        await other.Client.FailsAsync("update_rule", new { rule_id = id, rule = Rule(other.AccountId) }, "not_found");
        Assert.Equal(0, (await other.Client.SucceedsAsync("get_rules")).GetProperty("rules").GetArrayLength());
    }

    private static object Rule(long accountId, decimal percent = 50, decimal cap = 30, string name = "Scale everything") => new
    {
        name, ad_account_id = accountId, level = "ad_set", action = "change_budget", budget_change_percent = percent, budget_cap = cap,
        schedule = "daily", daily_hour = 8, lookback_days = 3, cooldown_hours = 0,
        conditions = new[] { new { metric = "spend", @operator = "gte", value = 0 } },
    };
}
