using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using AdPilot.Core.Actions;
using AdPilot.Core.Campaigns;
using AdPilot.Core.Data;
using AdPilot.Web.Features.Actions;
using AdPilot.Web.Tests.Actions;
using AdPilot.Web.Tests.Support;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AdPilot.Web.Tests.Components;

/// <summary>The Undo button of the action log and of a campaign's "Recent changes", and the measured effect, on the real host's services.</summary>
public sealed class ActionUndoComponentTests : UiTestContext, IAsyncLifetime
{
    private readonly UndoHost _host = new();
    private IRenderedComponent<MudDialogProvider> _dialogs = null!;
    private long _userId;
    private long _campaignId;

    private CampaignService Campaigns => _host.Services.GetRequiredService<CampaignService>();
    private ActionLogService Log => _host.Services.GetRequiredService<ActionLogService>();

    public async Task InitializeAsync()
    {
        var user = await _host.SignInAsync("undo-ui@example.com");
        var accountId = await _host.BindSimulatedAccountAsync(user);
        _userId = user.Id;
        _campaignId = (await Campaigns.CreateAsync(_userId, new CreateCampaignRequest { AdAccountId = accountId, Name = "Spring", Budget = 50m })).Campaign.Id;

        Services.AddSingleton(Log);
        Services.AddSingleton(_host.Services.GetRequiredService<ActionUndo>());
        AddAuthorization().SetAuthorized("undo-ui@example.com").SetClaims(new Claim("sub", _userId.ToString(CultureInfo.InvariantCulture)));
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        _dialogs = Render<MudDialogProvider>();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task ActionsPage_Undo_AsksFirst_ThenPutsTheCampaignBack_AndShowsTheEntryUndone()
    {
        await ResumeAsync();
        var page = Render<ActionsPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=action-undo]")));

        page.Find("[data-testid=action-undo]").Click();
        _dialogs.WaitForAssertion(() => _dialogs.Find("[data-testid=action-undo-cancel]").Click());
        Assert.Equal("active", await StatusAsync());
        page.Find("[data-testid=action-undo]").Click();
        _dialogs.WaitForAssertion(() => _dialogs.Find("[data-testid=action-undo-confirm]").Click());

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=action-undone]")));
        Assert.Equal("paused", await StatusAsync());
        Assert.Empty(page.FindAll("[data-testid=action-undo]"));
        Assert.Contains("Undid: resume_campaign Spring", page.FindAll("[data-testid=action-entry]")[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecentChanges_UndoRefused_SaysWhy_AndChangesNothing()
    {
        await Campaigns.UpdateAsync(_userId, _campaignId, new UpdateCampaignRequest { Name = "Summer" });
        await RecordAsync("update_campaign", new JsonObject { ["name"] = "Spring" }, new JsonObject { ["name"] = "Summer" });
        await Campaigns.UpdateAsync(_userId, _campaignId, new UpdateCampaignRequest { Name = "Autumn" }); // changed again since
        var undone = false;
        var section = Render<RecentChanges>(p => p.Add(c => c.EntityType, "campaign").Add(c => c.EntityId, _campaignId).Add(c => c.OnUndone, () => undone = true));
        section.WaitForAssertion(() => Assert.Single(section.FindAll("[data-testid=action-undo]")));

        section.Find("[data-testid=action-undo]").Click();
        _dialogs.WaitForAssertion(() => _dialogs.Find("[data-testid=action-undo-confirm]").Click());

        section.WaitForAssertion(() => Assert.Contains("name is now Autumn", section.Find("[data-testid=action-undo-refused]").TextContent, StringComparison.Ordinal));
        Assert.False(undone);
        Assert.Equal("Autumn", (await Campaigns.GetAsync(_userId, _campaignId)).Campaign.Name);
    }

    [Fact]
    public async Task RecentChanges_Undo_TellsThePage_SoItShowsTheCampaignAsItIsNow()
    {
        await ResumeAsync();
        var undone = false;
        var section = Render<RecentChanges>(p => p.Add(c => c.EntityType, "campaign").Add(c => c.EntityId, _campaignId).Add(c => c.OnUndone, () => undone = true));
        section.WaitForAssertion(() => section.Find("[data-testid=action-undo]").Click());
        _dialogs.WaitForAssertion(() => _dialogs.Find("[data-testid=action-undo-confirm]").Click());

        section.WaitForAssertion(() => Assert.True(undone));
        section.WaitForAssertion(() => Assert.Equal(2, section.FindAll("[data-testid=action-entry]").Count));
    }

    [Fact]
    public async Task ActionsPage_ShowsTheMeasuredEffect_AndNoUndoForACreation()
    {
        await RecordAsync("create_campaign", null, new JsonObject { ["name"] = "Spring" });
        var paused = await RecordAsync("pause_campaign", new JsonObject { ["status"] = "active" }, new JsonObject { ["status"] = "paused" });
        var effect = """
            {"status":"measured","days":3,"currencies":[{"currency":"USD","before":{"spend":300,"cpa":20,"roas":2.5},"after":{"spend":204,"cpa":13.6,"roas":3.5},
             "change_percent":{"spend":-32}}]}
            """;
        await using (var db = await _host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await db.Set<ActionLogEntry>().Where(a => a.Id == paused.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.EffectJson, effect));
        }

        var page = Render<ActionsPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=action-entry]").Count));
        var text = page.Find("[data-testid=action-effect]").TextContent;
        Assert.StartsWith("Effect after 3 days: spend -32%, CPA ", text, StringComparison.Ordinal);
        Assert.Contains(" → ", text, StringComparison.Ordinal);
        Assert.Contains("ROAS", text, StringComparison.Ordinal);
        Assert.Single(page.FindAll("[data-testid=action-undo]")); // the pause; the creation has none
    }

    private async Task ResumeAsync()
    {
        await Campaigns.SetStatusAsync(_userId, CampaignLevel.Campaign, _campaignId, DeliveryStatus.Active);
        await RecordAsync("resume_campaign", new JsonObject { ["status"] = "paused" }, new JsonObject { ["status"] = "active" });
    }

    private async Task<string> StatusAsync() => (await Campaigns.GetAsync(_userId, _campaignId)).Campaign.Status;

    private Task<ActionLogView> RecordAsync(string action, JsonObject? before, JsonObject? after) =>
        Log.RecordAsync(_userId, new Actor(ActionSources.Agent, "chat"), new ActionRecord(action, "campaign", _campaignId, "Spring", $"{action} Spring", before, after));
}
