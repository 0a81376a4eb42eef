using System.Globalization;
using AdPilot.Core.Agent;
using AdPilot.Core.Creatives;
using AdPilot.Core.Credits;
using AdPilot.Web.Features.Chat;
using AdPilot.Web.Tests.Agent;
using AdPilot.Web.Tests.Components;
using AdPilot.Web.Tests.Support;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AdPilot.Web.Tests.Chat;

/// <summary>Conversations kept server-side: the last one reopens after a reload; rename, delete and Clear history ask first.</summary>
public sealed class ChatHistoryTests : UiTestContext, IClassFixture<AgentHost>, IAsyncLifetime
{
    private readonly AgentHost _app;
    private IRenderedComponent<MudDialogProvider> _dialogs = null!;
    private long _userId;

    public ChatHistoryTests(AgentHost app)
    {
        _app = app;
        Services.AddLogging();
        Services.AddSingleton(app.Agent);
        Services.AddSingleton(Conversations);
        Services.AddSingleton(app.Services.GetRequiredService<CreditService>());
        Services.AddSingleton(app.Services.GetRequiredService<CreativeService>());
        Services.AddScoped<ChatSession>();
    }

    private ConversationService Conversations => _app.Services.GetRequiredService<ConversationService>();

    public async Task InitializeAsync()
    {
        var user = await _app.SignInAsync($"chat-history-{Guid.NewGuid():N}@example.com");
        _userId = user.Id;
        AddAuthorization().SetAuthorized(user.Email).SetClaims([.. (await _app.PrincipalAsync(user.Id)).Claims]);
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        _dialogs = Render<MudDialogProvider>();
    }

    public new async Task DisposeAsync() => await base.DisposeAsync();

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
        await Services.GetRequiredService<ChatSession>().IdleAsync();

        var fresh = Services.GetRequiredService<ChatSession>().ConversationId!.Value;
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
        _dialogs.WaitForElement("[data-testid=chat-clear-cancel]").Click();
        Assert.Equal(2, (await Conversations.ListAsync(_userId, new ConversationQuery())).Total);

        page.Find("[data-testid=chat-clear]").Click();
        _dialogs.WaitForElement("[data-testid=chat-clear-confirm]").Click();

        page.WaitForElement("[data-testid=chat-history-empty]");
        Assert.Equal(0, (await Conversations.ListAsync(_userId, new ConversationQuery())).Total);
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
        _dialogs.WaitForElement("input[data-testid=chat-rename-input], [data-testid=chat-rename-input] input").Input("Kept, renamed");
        _dialogs.Find("[data-testid=chat-rename-save]").Click();
        page.WaitForAssertion(() => Assert.Contains("Kept, renamed", page.Find("[data-testid=chat-history]").TextContent, StringComparison.Ordinal));

        page.FindAll("[data-testid=chat-conversation-delete]")[0].Click(); // the newest: "Drop me"
        _dialogs.WaitForElement("[data-testid=chat-delete-confirm]").Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=chat-conversation]")));
        var left = Assert.Single((await Conversations.ListAsync(_userId, new ConversationQuery())).Items);
        Assert.Equal((keep, "Kept, renamed"), (left.Id, left.Title));
        Assert.NotEqual(drop, left.Id);
    }

    private string Key => "adpilot.chat.conversation." + _userId.ToString(CultureInfo.InvariantCulture);

    private async Task<long> ConversationAsync(string question, string answer)
    {
        var (id, _) = await Conversations.AddUserMessageAsync(_userId, null, question);
        await Conversations.AddAssistantMessageAsync(_userId, id, new AssistantMessage(answer, null, MessageStatuses.Complete, "offline", 1, 1, 0.5m, null));
        return id;
    }
}
