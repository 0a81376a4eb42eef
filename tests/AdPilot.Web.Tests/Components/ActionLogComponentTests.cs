using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using AdPilot.Core.Actions;
using AdPilot.Core.Users;
using AdPilot.Web.Features.Actions;
using AdPilot.Web.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AdPilot.Web.Tests.Components;

/// <summary>The action log page and a campaign's "Recent changes", on the real host's services.</summary>
public sealed class ActionLogComponentTests : UiTestContext, IAsyncLifetime
{
    private readonly AdPilotFactory _host = new();
    private long _userId;

    private ActionLogService Log => _host.Services.GetRequiredService<ActionLogService>();

    public async Task InitializeAsync()
    {
        var users = _host.Services.GetRequiredService<UserService>();
        _userId = (await users.SignInAsync(new ExternalIdentity(AuthProviders.Dev, "log-ui@example.com", "log-ui@example.com", "Lou", null))).Id;
        var stranger = (await users.SignInAsync(new ExternalIdentity(AuthProviders.Dev, "log-ui-other@example.com", "log-ui-other@example.com", "Oz", null))).Id;
        await RecordAsync(stranger, "update_campaign", 41, new JsonObject { ["budget"] = 1 }, new JsonObject { ["budget"] = 2 });

        Services.AddSingleton(Log);
        Services.AddSingleton(_host.Services.GetRequiredService<ActionUndo>()); // undoable entries carry an Undo button
        AddAuthorization().SetAuthorized("log-ui@example.com").SetClaims(new Claim("sub", _userId.ToString(CultureInfo.InvariantCulture)));
        Render<MudPopoverProvider>();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task RecentChanges_ShowsThisCampaignsEntries_BeforeToAfter_OnlyTheUsersOwn()
    {
        await RecordAsync(_userId, "update_campaign", 41, new JsonObject { ["budget"] = 100, ["status"] = "paused" }, new JsonObject { ["budget"] = 140, ["status"] = "active" });
        await RecordAsync(_userId, "pause_campaign", 42, new JsonObject { ["status"] = "active" }, new JsonObject { ["status"] = "paused" });

        var section = Render<RecentChanges>(p => p.Add(c => c.EntityType, "campaign").Add(c => c.EntityId, 41));

        section.WaitForAssertion(() => Assert.Single(section.FindAll("[data-testid=action-entry]")));
        var changes = section.FindAll("[data-testid=action-change]").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["budget: 100 → 140", "status: paused → active"], changes);
        Assert.Equal("/actions?entityType=campaign&entityId=41", section.Find("[data-testid=recent-changes-all]").GetAttribute("href"));
    }

    [Fact]
    public void RecentChanges_WithoutEntries_SaysSo()
    {
        var section = Render<RecentChanges>(p => p.Add(c => c.EntityType, "campaign").Add(c => c.EntityId, 99));

        section.WaitForAssertion(() => Assert.Single(section.FindAll("[data-testid=recent-changes-empty]")));
    }

    [Fact]
    public async Task ActionsPage_PagesFromTheQueryString_AndShowsCreatedAndDeleted()
    {
        await RecordAsync(_userId, "create_campaign", 50, null, new JsonObject { ["name"] = "New" });
        for (var i = 0; i < 24; i++)
        {
            await RecordAsync(_userId, "pause_campaign", 60 + i, new JsonObject { ["status"] = "active" }, new JsonObject { ["status"] = "paused" });
        }

        await RecordAsync(_userId, "delete_campaign", 51, new JsonObject { ["name"] = "Old" }, null);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/actions?page=2");

        var page = Render<ActionsPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=action-entry]")));
        Assert.Contains("create_campaign 50", page.Find("[data-testid=action-entry]").TextContent, StringComparison.Ordinal);
        Assert.Single(page.FindAll("[data-testid=action-kind]"));
        Services.GetRequiredService<NavigationManager>().NavigateTo("/actions?entityType=campaign&entityId=51");
        var deleted = Render<ActionsPage>();
        deleted.WaitForAssertion(() => Assert.Single(deleted.FindAll("[data-testid=action-entry]")));
        Assert.NotEmpty(deleted.Find("[data-testid=action-kind]").TextContent);
    }

    [Fact]
    public void ActionsPage_WithNoEntries_ShowsTheEmptyState()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/actions?source=rule");

        var page = Render<ActionsPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=actions-empty]")));
    }

    private Task<ActionLogView> RecordAsync(long userId, string action, long campaignId, JsonObject? before, JsonObject? after) =>
        Log.RecordAsync(userId, new Actor(ActionSources.Mcp, "Claude"), new ActionRecord(action, "campaign", campaignId, $"Campaign {campaignId}",
            $"{action} {campaignId}", before, after));
}
