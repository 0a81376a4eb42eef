using System.Globalization;
using AdPilot.Core.Agent;
using AdPilot.Core.Campaigns;
using AdPilot.Web.Features.Agent;
using AdPilot.Web.Features.Chat;
using AdPilot.Web.Tests.Agent;
using AdPilot.Web.Tests.Support;
using Bunit;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace AdPilot.Web.Tests.Chat;

/// <summary>Conversations kept server-side: the last one reopens after a reload; rename, delete and Clear history ask first.</summary>
public sealed class ChatHistoryTests(AgentHost app) : ChatTestContext(app)
{
    [Fact]
    public async Task Open_AfterAReload_ReopensTheRememberedConversation_AndRemembersANewOne()
    {
        var remembered = await ConversationAsync("Remembered question", "Remembered answer");
        await ConversationAsync("Newer question", "Newer answer");
        JSInterop.Setup<string?>("adpilotChat.recall", Key).SetResult(remembered.ToString(CultureInfo.InvariantCulture));

        var window = Render<ChatWindow>();

        window.WaitForAssertion(() => Assert.Equal(2, window.FindAll("[data-testid=chat-message]").Count));
        Assert.Contains("Remembered answer", window.Find("[data-testid=chat-thread]").TextContent, StringComparison.Ordinal);

        window.Find("[data-testid=chat-new]").Click();
        window.WaitForElement("[data-testid=chat-empty]");
        await window.InvokeAsync(() => window.FindComponent<ChatComposer>().Instance.Submit("A fresh start"));
        await Session.IdleAsync();

        var fresh = Session.ConversationId!.Value;
        Assert.NotEqual(remembered, fresh);
        window.WaitForAssertion(() => Assert.Contains(JSInterop.Invocations["adpilotChat.remember"], i => Equals(i.Arguments[1], fresh)));
    }

    [Fact]
    public async Task Open_WithNothingRemembered_ReopensTheNewestConversation()
    {
        await ConversationAsync("Older question", "Older answer");
        await ConversationAsync("Newest question", "Newest answer");
        JSInterop.Setup<string?>("adpilotChat.recall", Key).SetResult(null);

        var window = Render<ChatWindow>();

        window.WaitForAssertion(() => Assert.Contains("Newest answer", window.Find("[data-testid=chat-thread]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ClearHistory_AsksFirst_ThenDeletesEveryConversation()
    {
        await ConversationAsync("First", "One");
        await ConversationAsync("Second", "Two");
        var page = Render<ConversationsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=chat-conversation]").Count));

        page.Find("[data-testid=chat-clear]").Click();
        Dialogs.WaitForElement("[data-testid=chat-clear-cancel]").Click();
        Assert.Equal(2, (await Conversations.ListAsync(UserId, new ConversationQuery())).Total);

        page.Find("[data-testid=chat-clear]").Click();
        Dialogs.WaitForElement("[data-testid=chat-clear-confirm]").Click();

        page.WaitForElement("[data-testid=chat-history-empty]");
        Assert.Equal(0, (await Conversations.ListAsync(UserId, new ConversationQuery())).Total);
        Assert.Empty(page.FindAll("[data-testid=chat-message]"));
    }

    [Fact]
    public async Task RenameAndDelete_ChangeOnlyTheChosenConversation_DeleteAfterConfirming()
    {
        var keep = await ConversationAsync("Keep me", "Kept");
        var drop = await ConversationAsync("Drop me", "Dropped");
        var page = Render<ConversationsPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=chat-conversation]").Count));

        page.FindAll("[data-testid=chat-conversation-rename]")[1].Click(); // the older one: "Keep me"
        Dialogs.WaitForElement("input[data-testid=chat-rename-input], [data-testid=chat-rename-input] input").Input("Kept, renamed");
        Dialogs.Find("[data-testid=chat-rename-save]").Click();
        page.WaitForAssertion(() => Assert.Contains("Kept, renamed", page.Find("[data-testid=chat-history]").TextContent, StringComparison.Ordinal));

        page.FindAll("[data-testid=chat-conversation-delete]")[0].Click(); // the newest: "Drop me"
        Dialogs.WaitForElement("[data-testid=chat-delete-confirm]").Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=chat-conversation]")));
        var left = Assert.Single((await Conversations.ListAsync(UserId, new ConversationQuery())).Items);
        Assert.Equal((keep, "Kept, renamed"), (left.Id, left.Title));
        Assert.NotEqual(drop, left.Id);
    }

    [Fact]
    public async Task Open_AConversationWhoseActionWasAppliedSince_ShowsTheCardApplied()
    {
        var accountId = await App.BindSimulatedAccountAsync(User);
        var campaignId = (await App.Services.GetRequiredService<CampaignService>().CreateAsync(UserId, new CreateCampaignRequest { AdAccountId = accountId, Name = "Spring", Budget = 50m })).Campaign.Id;
        App.Script = (_, round, _) => Task.FromResult(round == 0
            ? ScriptedChatClient.Calls(new FunctionCallContent("c1", "resume_campaign", new Dictionary<string, object?> { ["campaign_id"] = campaignId }))
            : ScriptedChatClient.Text("I prepared it."));
        JSInterop.Setup<string?>("adpilotChat.recall", Key).SetResult(null);
        var window = Render<ChatWindow>();
        window.WaitForElement("[data-testid=chat-empty]");
        await window.InvokeAsync(() => window.FindComponent<ChatComposer>().Instance.Submit("pause it"));
        await Session.IdleAsync();
        var card = window.WaitForElement("[data-testid=chat-action]");
        Assert.Equal("proposed", card.GetAttribute("data-status"));
        var id = Assert.Single(Session.Transcript.Entries.SelectMany(e => e.Parts).OfType<ActionPart>()).Action.Id;

        await App.Services.GetRequiredService<AgentActions>().ApplyAsync(await App.PrincipalAsync(UserId), id, confirm: false); // e.g. in another tab
        await window.InvokeAsync(() => Session.OpenAsync(Session.ConversationId!.Value));

        window.WaitForAssertion(() => Assert.Equal("applied", window.Find("[data-testid=chat-action]").GetAttribute("data-status")));
        Assert.NotNull(window.Find("[data-testid=chat-action-undo]"));
    }

    private string Key => "adpilot.chat.conversation." + UserId.ToString(CultureInfo.InvariantCulture);

    private async Task<long> ConversationAsync(string question, string answer)
    {
        var (id, _) = await Conversations.AddUserMessageAsync(UserId, null, question);
        await Conversations.AddAssistantMessageAsync(UserId, id, new AssistantMessage(answer, null, MessageStatuses.Complete, "offline", 1, 1, 0.5m, null));
        return id;
    }
}
