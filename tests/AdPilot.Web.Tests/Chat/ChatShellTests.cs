using System.Globalization;
using AdPilot.Core.Agent;
using AdPilot.Core.Credits;
using AdPilot.Web.Features.Agent;
using AdPilot.Web.Features.Chat;
using AdPilot.Web.Tests.Agent;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AdPilot.Web.Tests.Chat;

/// <summary>The chat window over the real agent with a scripted model: streaming, Stop, the timeout, credits, the outbox, the badge.</summary>
public sealed class ChatShellTests : ChatTestContext
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    public ChatShellTests(AgentHost app)
        : base(app) => Services.AddSingleton<TimeProvider>(_clock);

    [Fact]
    public async Task Submit_StreamsTheAnswerIntoTheThread_AndStoresTheConversation()
    {
        App.Script = (_, round, _) => Task.FromResult(round == 0
            ? ScriptedChatClient.Calls(new FunctionCallContent("c1", "list_ad_accounts", new Dictionary<string, object?>()))
            : ScriptedChatClient.Text("You have no accounts yet."));
        var window = Render<ChatWindow>();

        Assert.True(await window.InvokeAsync(() => Composer(window).Submit("Which accounts do I have?")));
        await Session.IdleAsync();

        window.WaitForAssertion(() => Assert.Equal(2, window.FindAll("[data-testid=chat-message]").Count));
        var answer = window.FindAll("[data-testid=chat-message]")[1];
        Assert.Contains("You have no accounts yet.", answer.TextContent, StringComparison.Ordinal);
        Assert.Equal("done", answer.QuerySelector("[data-testid=chat-tool]")!.GetAttribute("data-state"));
        var stored = await App.Services.GetRequiredService<ConversationService>().GetAsync(UserId, Session.ConversationId!.Value);
        Assert.Equal(["Which accounts do I have?", "You have no accounts yet."], stored.Messages.Select(m => m.Text));
    }

    [Fact]
    public async Task Submit_OnACampaignPage_TellsTheAgentWhichCampaign()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/campaigns/5");
        var window = Render<ChatWindow>();

        await window.InvokeAsync(() => Composer(window).Submit("pause this"));
        await Session.IdleAsync();

        var context = (AgentContext)App.Model.LastOptions!.AdditionalProperties![AgentContext.OptionsKey]!;
        Assert.Equal(new AgentPage("/campaigns/5", "campaign", 5), context.Page);
    }

    [Fact]
    public async Task Stop_WhileAnswering_EndsTheTurnUncharged_AndOffersRetry()
    {
        var cancelled = App.AnswersOnlyWhenCancelled();
        var window = Render<ChatWindow>();
        await window.InvokeAsync(() => Composer(window).Submit("Take your time"));

        window.WaitForElement("[data-testid=chat-stop]").Click();
        await cancelled;
        await Session.IdleAsync();

        window.WaitForAssertion(() => Assert.Equal("cancelled", window.Find("[data-testid=chat-failure]").GetAttribute("data-code")));
        Assert.Empty(window.FindAll("[data-testid=chat-stop]"));
        Assert.NotNull(window.Find("[data-testid=chat-retry]"));
    }

    [Fact]
    public async Task NewConversation_WhileAnswering_StopsIt_AndTheNextMessageStartsANewConversation()
    {
        App.Script = async (messages, _, ct) =>
        {
            if (messages[^1].Text.StartsWith("slow", StringComparison.Ordinal))
            {
                await Task.Delay(Timeout.Infinite, ct);
            }

            return ScriptedChatClient.Text("Fresh answer.");
        };
        var window = Render<ChatWindow>();
        await window.InvokeAsync(() => Composer(window).Submit("slow question"));
        window.WaitForElement("[data-testid=chat-stop]");
        var first = Session.ConversationId;

        window.Find("[data-testid=chat-new]").Click();
        await window.InvokeAsync(() => Composer(window).Submit("fresh question"));
        await Session.IdleAsync();

        window.WaitForAssertion(() => Assert.Equal(2, window.FindAll("[data-testid=chat-message]").Count));
        Assert.Contains("Fresh answer.", window.FindAll("[data-testid=chat-message]")[1].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("slow question", window.Find("[data-testid=chat-thread]").TextContent, StringComparison.Ordinal);
        var stored = await Conversations.GetAsync(UserId, Session.ConversationId!.Value);
        Assert.Equal(["fresh question", "Fresh answer."], stored.Messages.Select(m => m.Text));
        Assert.NotEqual(first, Session.ConversationId);
    }

    [Fact]
    public async Task NoAnswerWithin60Seconds_StopsTheTurn_AndRetrySendsTheMessageAgain()
    {
        var asked = new TaskCompletionSource();
        var cancelled = new TaskCompletionSource();
        App.Script = async (_, _, ct) =>
        {
            await using var registration = ct.Register(() => cancelled.TrySetResult());
            asked.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return ScriptedChatClient.Text("never");
        };
        var window = Render<ChatWindow>();
        await window.InvokeAsync(() => Composer(window).Submit("Are you there?"));
        await asked.Task.WaitAsync(TimeSpan.FromSeconds(10));

        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.False(cancelled.Task.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await cancelled.Task;
        await Session.IdleAsync();

        window.WaitForAssertion(() => Assert.Equal("timeout", window.Find("[data-testid=chat-failure]").GetAttribute("data-code")));
        Assert.Contains("60 seconds", window.Find("[data-testid=chat-message-failed]").TextContent, StringComparison.Ordinal);
        Assert.Contains("nothing was charged", window.Find("[data-testid=chat-failure-text]").TextContent, StringComparison.Ordinal);

        App.Script = (_, _, _) => Task.FromResult(ScriptedChatClient.Text("Yes, here."));
        window.Find("[data-testid=chat-retry]").Click();
        await Session.IdleAsync();

        window.WaitForAssertion(() => Assert.Empty(window.FindAll("[data-testid=chat-failure]")));
        var entries = window.FindAll("[data-testid=chat-message]");
        Assert.Equal(2, entries.Count); // the failed attempt is replaced, not repeated
        Assert.Contains("Yes, here.", entries[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_WithoutCredits_ShowsThePriceTheBalanceAndRecharge()
    {
        await App.DrainCreditsAsync(UserId);
        var balance = (await App.Services.GetRequiredService<CreditService>().GetBalanceAsync(UserId)).Total;
        var window = Render<ChatWindow>();

        await window.InvokeAsync(() => Composer(window).Submit("How did we do?"));
        await Session.IdleAsync();

        window.WaitForAssertion(() => Assert.Equal("insufficient_credits", window.Find("[data-testid=chat-failure]").GetAttribute("data-code")));
        Assert.Matches(@"needs up to \d+(\.\d+)? credits", window.Find("[data-testid=chat-price]").TextContent);
        Assert.Contains(balance.ToString("#,0.##", CultureInfo.CurrentCulture) + " credits", window.Find("[data-testid=chat-balance]").TextContent, StringComparison.Ordinal);
        Assert.Equal("/billing", window.Find("[data-testid=chat-recharge]").GetAttribute("href"));
        Assert.Empty(window.FindAll("[data-testid=chat-retry]"));
    }

    [Fact]
    public async Task Outbox_HoldsTenMessagesWhileAnAnswerIsWritten_AndRefusesTheEleventh()
    {
        var release = new TaskCompletionSource();
        App.Script = async (messages, _, ct) =>
        {
            await release.Task.WaitAsync(ct);
            return ScriptedChatClient.Text("Answer to " + messages[^1].Text);
        };
        var window = Render<ChatWindow>();
        await window.InvokeAsync(() => Composer(window).Submit("first"));

        await window.InvokeAsync(() => Composer(window).SendQueued([.. Enumerable.Range(1, 11).Select(i => $"queued {i}")]));

        window.WaitForAssertion(() => Assert.Equal(ChatOutbox.Limit, window.FindAll("[data-testid=chat-waiting]").Count));
        Assert.Contains("At most 10 messages", window.Find("[data-testid=chat-notice]").TextContent, StringComparison.Ordinal);
        Assert.False(await window.InvokeAsync(() => Composer(window).Submit("one more")));

        release.SetResult();
        await Session.IdleAsync();

        window.WaitForAssertion(() => Assert.Equal(22, window.FindAll("[data-testid=chat-message]").Count));
        Assert.Empty(window.FindAll("[data-testid=chat-waiting]"));
        var asked = window.FindAll("[data-testid=chat-message][data-role=user] [data-testid=chat-text]").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(["first", .. Enumerable.Range(1, 10).Select(i => $"queued {i}")], asked);
        Assert.Contains("Answer to queued 10", window.FindAll("[data-testid=chat-message]")[^1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerWhileClosed_ShowsTheBadge_UntilTheWindowOpens()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var launcher = Render<ChatLauncher>();
        Assert.Empty(launcher.FindAll("[data-testid=chat-window]"));

        await launcher.InvokeAsync(() => Session.Send("Tell me later"));
        await Session.IdleAsync();

        launcher.WaitForElement("[data-testid=chat-badge]");
        launcher.Find("[data-testid=chat-launcher]").Click();
        launcher.WaitForElement("[data-testid=chat-window]");
        Assert.Empty(launcher.FindAll("[data-testid=chat-badge]"));

        launcher.Find("[data-testid=chat-window]").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Escape" });
        Assert.Empty(launcher.FindAll("[data-testid=chat-window]"));
    }

    private static ChatComposer Composer(IRenderedComponent<ChatWindow> window) => window.FindComponent<ChatComposer>().Instance;
}
