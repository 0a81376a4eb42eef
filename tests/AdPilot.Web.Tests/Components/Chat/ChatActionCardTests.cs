using System.Globalization;
using System.Security.Claims;
using AdPilot.Core.Actions;
using AdPilot.Core.Agent;
using AdPilot.Core.Campaigns;
using AdPilot.Web.Features.Agent;
using AdPilot.Web.Features.Chat;
using AdPilot.Web.Tests.Actions;
using AdPilot.Web.Tests.Support;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AdPilot.Web.Tests.Components.Chat;

/// <summary>An action card in the chat on the real host's services: Apply (asking first when it must), Dismiss, Undo, refusals.</summary>
public sealed class ChatActionCardTests(UndoHost host) : UiTestContext, IAsyncLifetime, IClassFixture<UndoHost>
{
    private readonly UndoHost _host = host;
    private IRenderedComponent<MudDialogProvider> _dialogs = null!;
    private long _userId;
    private long _campaignId;
    private int _changes;

    private CampaignService Campaigns => _host.Services.GetRequiredService<CampaignService>();
    private AgentActions Actions => _host.Services.GetRequiredService<AgentActions>();

    public async Task InitializeAsync()
    {
        var email = $"chat-card-{Guid.NewGuid():N}@example.com";
        var user = await _host.SignInAsync(email);
        var accountId = await _host.BindSimulatedAccountAsync(user);
        _userId = user.Id;
        _campaignId = (await Campaigns.CreateAsync(_userId, new CreateCampaignRequest { AdAccountId = accountId, Name = "Spring", Budget = 50m })).Campaign.Id;
        await Campaigns.SetStatusAsync(_userId, CampaignLevel.Campaign, _campaignId, DeliveryStatus.Active);

        Services.AddSingleton(Actions);
        Services.AddSingleton(_host.Services.GetRequiredService<ActionLogService>());
        Services.AddSingleton(_host.Services.GetRequiredService<ActionUndo>());
        Services.AddSingleton(new AdPilot.Web.Features.Users.CurrentUser(_host.Services.GetRequiredService<AdPilot.Core.Users.UserService>()));

        AddAuthorization().SetAuthorized(email).SetClaims(new Claim("sub", _userId.ToString(CultureInfo.InvariantCulture)));
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        _dialogs = Render<MudDialogProvider>();
    }

    public new Task DisposeAsync() => base.DisposeAsync().AsTask();

    [Fact]
    public async Task Apply_PausesTheCampaign_ShowsTheResultLineWithUndo_AndTellsTheWindow()
    {
        var part = await ProposePauseAsync();
        var card = RenderCard(part);
        Assert.Contains("Estimated effect: Saves about $42.10 a day", card.Find("[data-testid=chat-action-effect]").TextContent, StringComparison.Ordinal);
        Assert.Equal(["Active", "Paused"], card.FindAll("[data-testid=chat-action-change] .mud-chip").Select(c => c.TextContent.Trim()));

        card.Find("[data-testid=chat-action-apply]").Click();

        card.WaitForAssertion(() => Assert.Equal("applied", card.Find("[data-testid=chat-action]").GetAttribute("data-status")));
        Assert.Equal("paused", await StatusAsync());
        Assert.Contains("Applied — see the action log", card.Find("[data-testid=chat-action-result]").TextContent, StringComparison.Ordinal);
        card.WaitForAssertion(() => Assert.Single(card.FindAll("[data-testid=chat-action-undo] [data-testid=action-undo]")));
        Assert.Empty(card.FindAll("[data-testid=chat-action-apply]"));
        Assert.Equal("applied", part.Action.Status);
        Assert.NotNull(part.Action.ActionLogId);
        Assert.True(_changes > 0);
    }

    [Fact]
    public async Task Apply_WhenTheActionNeedsConfirmation_AsksFirst_AndAppliesOnlyOnConfirm()
    {
        var part = await ProposePauseAsync(confirmBecause: "Pausing stops all delivery of Spring.");
        var card = RenderCard(part);
        Assert.Contains("Pausing stops all delivery", card.Find("[data-testid=chat-action-warning]").TextContent, StringComparison.Ordinal);

        card.Find("[data-testid=chat-action-apply]").Click();
        _dialogs.WaitForAssertion(() => _dialogs.Find("[data-testid=chat-action-confirm-cancel]").Click());

        Assert.Equal("proposed", (await Actions.GetAsync(_userId, part.Action.Id)).Status);
        Assert.Equal("active", await StatusAsync());

        card.Find("[data-testid=chat-action-apply]").Click();
        _dialogs.WaitForAssertion(() => _dialogs.Find("[data-testid=chat-action-confirm]").Click());

        card.WaitForAssertion(() => Assert.Equal("applied", card.Find("[data-testid=chat-action]").GetAttribute("data-status")));
        Assert.Equal("paused", await StatusAsync());
    }

    [Fact]
    public async Task Undo_FromTheAppliedCard_PutsTheCampaignBack_AndShowsItUndone()
    {
        var part = await ProposePauseAsync();
        var card = RenderCard(part);
        card.Find("[data-testid=chat-action-apply]").Click();
        card.WaitForAssertion(() => card.Find("[data-testid=action-undo]").Click());
        _dialogs.WaitForAssertion(() => _dialogs.Find("[data-testid=action-undo-confirm]").Click());

        card.WaitForAssertion(() => Assert.Single(card.FindAll("[data-testid=chat-action-undone]")));
        Assert.Equal("active", await StatusAsync());
        Assert.Empty(card.FindAll("[data-testid=action-undo]"));
    }

    [Fact]
    public async Task Dismiss_ClosesTheCard_WithoutChangingAnything()
    {
        var part = await ProposePauseAsync();
        var card = RenderCard(part);

        card.Find("[data-testid=chat-action-dismiss]").Click();

        card.WaitForAssertion(() => Assert.Equal("Dismissed", card.Find("[data-testid=chat-action-status]").TextContent.Trim()));
        Assert.Empty(card.FindAll("[data-testid=chat-action-apply]"));
        Assert.Equal("dismissed", (await Actions.GetAsync(_userId, part.Action.Id)).Status);
        Assert.Equal("active", await StatusAsync());
    }

    [Fact]
    public async Task Apply_OfAnActionAppliedElsewhere_SaysSo_AndShowsItAsItIsNow()
    {
        var part = await ProposePauseAsync();
        var card = RenderCard(part);
        await Actions.ApplyAsync(await PrincipalAsync(), part.Action.Id, confirm: false); // another tab applied it meanwhile

        card.Find("[data-testid=chat-action-apply]").Click();

        card.WaitForAssertion(() => Assert.Contains("This change was applied already.", card.Find("[data-testid=chat-action-error]").TextContent, StringComparison.Ordinal));
        Assert.Equal("applied", card.Find("[data-testid=chat-action]").GetAttribute("data-status"));
        card.WaitForAssertion(() => Assert.Single(card.FindAll("[data-testid=action-undo]")));
    }

    [Fact]
    public async Task Apply_RefusedByTheTool_ShowsWhyOnTheCard_AndOffersToTryAgain()
    {
        var part = await ProposePauseAsync(campaignId: 987_654);
        var card = RenderCard(part);

        card.Find("[data-testid=chat-action-apply]").Click();

        card.WaitForAssertion(() => Assert.Equal("failed", card.Find("[data-testid=chat-action]").GetAttribute("data-status")));
        Assert.Contains("987654", card.Find("[data-testid=chat-action-error]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Try again", card.Find("[data-testid=chat-action-apply]").TextContent.Trim());
    }

    [Fact]
    public async Task ChatMessageView_ShowsTheTimeInTheUsersTimeZone_AndPassesActionChangesOn()
    {
        await _host.Services.GetRequiredService<AdPilot.Core.Users.UserService>().UpdateProfileAsync(_userId, new AdPilot.Core.Users.UpdateProfileRequest { TimeZone = "Asia/Shanghai" });
        var entry = new ChatEntry { Id = "m1", Role = "assistant", At = new DateTime(2025, 5, 1, 23, 30, 0, DateTimeKind.Utc) };
        entry.Parts.Add(await ProposePauseAsync());
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
        try
        {
            var view = Render<ChatMessageView>(p => p.Add(c => c.Entry, entry).Add(c => c.OnChanged, () => _changes++));

            var local = new DateTime(2025, 5, 2, 7, 30, 0).ToString("g", CultureInfo.CurrentCulture); // 23:30 UTC is 07:30 the next day in Shanghai
            view.WaitForAssertion(() => Assert.Equal(local, view.Find("[data-testid=chat-message-time]").TextContent));
            view.Find("[data-testid=chat-action-apply]").Click();
            view.WaitForAssertion(() => Assert.Equal("applied", view.Find("[data-testid=chat-action]").GetAttribute("data-status")));
            Assert.True(_changes > 0);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    private IRenderedComponent<ActionCard> RenderCard(ActionPart part) =>
        Render<ActionCard>(p => p.Add(c => c.Part, part).Add(c => c.OnChanged, () => _changes++));

    private async Task<ActionPart> ProposePauseAsync(string? confirmBecause = null, long? campaignId = null)
    {
        var id = campaignId ?? _campaignId;
        var action = await _host.Services.GetRequiredService<AgentActionStore>().AddAsync(new AgentAction
        {
            UserId = _userId, Tool = "pause_campaign", ArgumentsJson = $"{{\"campaign_id\":{id}}}",
            EntityType = "campaign", EntityId = id, EntityName = "Spring", Summary = "Pause campaign Spring",
            ChangesJson = "[{\"field\":\"status\",\"before\":\"active\",\"after\":\"paused\"}]", ConfirmBecause = confirmBecause,
            EffectJson = "{\"summary\":\"Saves about $42.10 a day at the last 7 days' run rate\",\"spend_per_day\":-42.10,\"currency\":\"USD\"}",
        });
        return new ActionPart { Id = "action-1", Action = await Actions.GetAsync(_userId, action.Id) };
    }

    private async Task<ClaimsPrincipal> PrincipalAsync() =>
        AdPilot.Web.Features.Identity.ClaimsPrincipalExtensions.ToPrincipal(await _host.Services.GetRequiredService<AdPilot.Core.Users.UserService>().GetAsync(_userId), "test");

    private async Task<string> StatusAsync() => (await Campaigns.GetAsync(_userId, _campaignId)).Campaign.Status;
}
