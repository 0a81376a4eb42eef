using System.Text.Json;
using AdPilot.Core.Identity;
using AdPilot.Core.Platforms;
using AdPilot.Web.Tests.Actions;
using AdPilot.Web.Tests.Support;

namespace AdPilot.Web.Tests.Mcp;

/// <summary>undo_action and get_actions through a real MCP client, against the simulated platform: P24, P25, guardrails, owner scoping.</summary>
public sealed class ActionsToolsTests(UndoHost app) : IClassFixture<UndoHost>, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        app.Faults.Reset();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task UndoAction_DryRunChangesNothing_ThenRestoresTheCampaign_AndGetActionsShowsBoth()
    {
        var s = await app.SetUpAsync("undo-tools@example.com");
        await using var client = s.Client;
        var update = await client.SucceedsAsync("update_campaign", new { campaign_id = s.CampaignId, budget = 140m, name = "Cyber Monday" });
        var actionId = UndoHost.ActionId(update);

        var preview = await client.SucceedsAsync("undo_action", new { action_id = actionId, dry_run = true });
        Assert.True(preview.GetProperty("dry_run").GetBoolean());
        Assert.False(preview.GetProperty("applied").GetBoolean());
        Assert.Equal(["budget: 140 → 100", "name: Cyber Monday → Black Friday"], Changes(preview));
        Assert.Equal((140m, "Cyber Monday"), ((await app.RemoteAsync(s)).Budget, (await app.RemoteAsync(s)).Name));
        var log = await client.SucceedsAsync("get_actions", new { entity_type = "campaign", entity_id = s.CampaignId });
        Assert.Equal(2, log.GetProperty("total").GetInt32()); // the creation and the update; the preview wrote nothing

        var undone = await client.SucceedsAsync("undo_action", new { action_id = actionId });

        Assert.True(undone.GetProperty("applied").GetBoolean());
        Assert.Equal(actionId, undone.GetProperty("result").GetProperty("reverts_id").GetInt64());
        Assert.Equal(UndoHost.ActionId(undone), undone.GetProperty("result").GetProperty("id").GetInt64());
        var remote = await app.RemoteAsync(s);
        Assert.Equal((100m, "Black Friday"), (remote.Budget, remote.Name));
        var after = (await client.SucceedsAsync("get_actions", new { page_size = 2 })).GetProperty("items");
        Assert.Equal(("undo_action", "mcp", false), (after[0].GetProperty("action").GetString(), after[0].GetProperty("source").GetString(), after[0].GetProperty("can_undo").GetBoolean()));
        Assert.Equal((actionId, JsonValueKind.String, false), (after[1].GetProperty("id").GetInt64(), after[1].GetProperty("undone_at").ValueKind, after[1].GetProperty("can_undo").GetBoolean()));
    }

    [Fact]
    public async Task UndoAction_Refusals_HaveTheirCodes_AndChangeNothing()
    {
        var s = await app.SetUpAsync("undo-tools-refused@example.com");
        await using var client = s.Client;
        var creation = (await client.SucceedsAsync("get_actions")).GetProperty("items")[0].GetProperty("id").GetInt64();
        var resumed = UndoHost.ActionId(await client.SucceedsAsync("resume_campaign", new { campaign_id = s.CampaignId }));
        var cut = UndoHost.ActionId(await client.SucceedsAsync("update_ad_set", new { ad_set_id = s.AdSetId, budget = 8m }));
        var budget = UndoHost.ActionId(await client.SucceedsAsync("update_campaign", new { campaign_id = s.CampaignId, budget = 120m }));
        await client.SucceedsAsync("update_campaign", new { campaign_id = s.CampaignId, budget = 90m });

        var notUndoable = await client.FailsAsync("undo_action", new { action_id = creation }, code: "not_undoable");
        var changed = await client.FailsAsync("undo_action", new { action_id = budget, dry_run = true }, code: "entity_changed");
        var raise = await client.FailsAsync("undo_action", new { action_id = cut }, code: "confirmation_required");
        await client.SucceedsAsync("undo_action", new { action_id = resumed });
        await client.FailsAsync("undo_action", new { action_id = resumed }, code: "already_undone");
        await client.FailsAsync("undo_action", new { action_id = 987_654_321 }, code: "not_found");

        Assert.Contains("delete", notUndoable.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("budget is now 90 (this action set 120)", changed.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("from 8 to 20", raise.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal((90m, PlatformStatus.Paused), ((await app.RemoteAsync(s)).Budget, (await app.RemoteAsync(s)).Status));
        var confirmed = await client.SucceedsAsync("undo_action", new { action_id = cut, confirm = true });
        Assert.Equal(20m, confirmed.GetProperty("changes")[0].GetProperty("after").GetDecimal());
    }

    [Fact]
    public async Task UndoAction_PlatformRefusal_IsPlatformError_AndTheLogIsUnchanged()
    {
        var s = await app.SetUpAsync("undo-tools-platform@example.com");
        await using var client = s.Client;
        var resumed = UndoHost.ActionId(await client.SucceedsAsync("resume_campaign", new { campaign_id = s.CampaignId }));

        app.Faults.FailNext(PlatformErrorKind.Validation, "Campaign is under review.");
        var error = await client.FailsAsync("undo_action", new { action_id = resumed }, code: "platform_error");

        Assert.Contains("Campaign is under review.", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        var log = (await client.SucceedsAsync("get_actions")).GetProperty("items");
        Assert.Equal(2, log.GetArrayLength());
        Assert.Equal(JsonValueKind.Null, log[0].GetProperty("undone_at").ValueKind);
        Assert.Equal(PlatformStatus.Active, (await app.RemoteAsync(s)).Status);
    }

    [Fact]
    public async Task AnotherUsersActions_AreNotFound_AndNeverListed()
    {
        var owner = await app.SetUpAsync("undo-tools-owner@example.com");
        await using var ownerClient = owner.Client;
        var resumed = UndoHost.ActionId(await ownerClient.SucceedsAsync("resume_campaign", new { campaign_id = owner.CampaignId }));
        var stranger = await app.SignInAsync("undo-tools-stranger@example.com");
        await using var strangerClient = await app.ConnectMcpAsync(await app.CreatePatAsync(stranger.Id));

        await strangerClient.FailsAsync("undo_action", new { action_id = resumed }, code: "not_found");
        await strangerClient.FailsAsync("undo_action", new { action_id = resumed, dry_run = true }, code: "not_found");
        Assert.Equal(0, (await strangerClient.SucceedsAsync("get_actions")).GetProperty("total").GetInt32());

        Assert.Equal(PlatformStatus.Active, (await app.RemoteAsync(owner)).Status);
    }

    [Fact]
    public async Task ReadOnlyToken_ListsActions_ButMayNotUndo()
    {
        var s = await app.SetUpAsync("undo-tools-read@example.com");
        await using var owner = s.Client;
        var resumed = UndoHost.ActionId(await owner.SucceedsAsync("resume_campaign", new { campaign_id = s.CampaignId }));
        await using var reader = await app.ConnectMcpAsync(await app.CreatePatAsync(s.User.Id, AccessScopes.Read));

        Assert.Equal(2, (await reader.SucceedsAsync("get_actions")).GetProperty("total").GetInt32());
        await reader.FailsAsync("undo_action", new { action_id = resumed, dry_run = true }, code: "insufficient_scope");
    }

    [Fact]
    public async Task GetActions_PagesWithCursors_AndRejectsBadArguments()
    {
        var s = await app.SetUpAsync("undo-tools-pages@example.com");
        await using var client = s.Client;
        await client.SucceedsAsync("resume_campaign", new { campaign_id = s.CampaignId });
        await client.SucceedsAsync("pause_campaign", new { campaign_id = s.CampaignId });

        var first = await client.SucceedsAsync("get_actions", new { page_size = 2 });
        var second = await client.SucceedsAsync("get_actions", new { page_size = 2, cursor = first.GetProperty("next_cursor").GetString() });

        Assert.Equal(["pause_campaign", "resume_campaign"], first.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("action").GetString()));
        Assert.Equal("create_campaign", Assert.Single(second.GetProperty("items").EnumerateArray()).GetProperty("action").GetString());
        await client.FailsAsync("get_actions", new { cursor = "nope" }, code: "validation_failed");
        await client.FailsAsync("get_actions", new { page_size = 500 }, code: "validation_failed");
    }

    private static List<string> Changes(JsonElement outcome) =>
        outcome.GetProperty("changes").EnumerateArray()
            .Select(c => $"{c.GetProperty("field").GetString()}: {Show(c.GetProperty("before"))} → {Show(c.GetProperty("after"))}").Order(StringComparer.Ordinal).ToList();

    private static string Show(JsonElement value) => value.ValueKind == JsonValueKind.Number ? value.GetDecimal().ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : value.ToString();
}
