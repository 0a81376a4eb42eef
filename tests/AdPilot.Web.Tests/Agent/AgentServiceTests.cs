using System.Text.Json;
using AdPilot.Core.Actions;
using AdPilot.Core.Agent;
using AdPilot.Core.Common;
using AdPilot.Core.Credits;
using AdPilot.Core.Data;
using AdPilot.Web.Features.Agent;
using AdPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace AdPilot.Web.Tests.Agent;

/// <summary>The orchestrator with a scripted model over the real tool registry: events, credits, proposals, Apply, owner scoping.</summary>
public sealed class AgentServiceTests(AgentHost app) : IClassFixture<AgentHost>
{
    [Fact]
    public async Task RunAsync_ReadToolThenText_StreamsInOrderChargesOnceAndStoresTheConversation()
    {
        var user = await app.SignInAsync("agent-read@example.com");
        await app.BindSimulatedAccountAsync(user);
        app.Script = (messages, round, _) => Task.FromResult(round == 0
            ? ScriptedChatClient.Calls(new FunctionCallContent("c1", "list_ad_accounts", new Dictionary<string, object?>()))
            : ScriptedChatClient.Text("You have one account."));

        await using var turn = await app.Agent.StartAsync(await app.PrincipalAsync(user.Id), new AgentTurnRequest { Text = "Which accounts do I have?" });
        var events = await AgentHost.CollectAsync(turn);

        Assert.IsType<TurnStarted>(events[0]);
        var started = Assert.Single(events.OfType<ToolStarted>());
        var finished = Assert.Single(events.OfType<ToolFinished>());
        Assert.Equal(("c1", "list_ad_accounts"), (started.CallId, started.Tool));
        Assert.False(finished.IsError);
        Assert.NotEmpty(finished.Output!["accounts"]!.AsArray());
        Assert.True(events.IndexOf(finished) < events.FindIndex(e => e is TextDelta));
        Assert.Equal("You have one account.", string.Concat(events.OfType<TextDelta>().Select(t => t.Text)));
        var done = Assert.IsType<TurnFinished>(events[^1]);
        Assert.Equal((300, 30), (done.InputTokens, done.OutputTokens)); // the provider's counts, summed over both rounds

        // The model saw the tool's structured result.
        var toolResult = app.Model.Received[^1].SelectMany(m => m.Contents).OfType<FunctionResultContent>().Single();
        Assert.Contains("\"accounts\"", JsonSerializer.Serialize(toolResult.Result));

        var ledger = await app.Services.GetRequiredService<CreditService>().HistoryAsync(user.Id, new CreditHistoryQuery());
        var charge = Assert.Single(ledger.Items, t => t.Operation == AgentService.ChatOperation);
        Assert.Equal((app.Agent.Options.Model, 300, 30, -done.Credits), (charge.Model, charge.InputTokens, charge.OutputTokens, charge.Amount));

        var conversation = await app.Services.GetRequiredService<ConversationService>().GetAsync(user.Id, turn.ConversationId);
        Assert.Equal(["user", "assistant"], conversation.Messages.Select(m => m.Role));
        Assert.Equal("You have one account.", conversation.Messages[1].Text);
        Assert.Contains("tool-list_ad_accounts", conversation.Messages[1].PartsJson);
    }

    [Fact]
    public async Task RunAsync_WriteTool_IsProposedAndChangesNothingUntilApplied()
    {
        var user = await app.SignInAsync("agent-write@example.com");
        await app.BindSimulatedAccountAsync(user);
        var campaignId = await CreatePausedCampaignAsync(user);
        app.Script = (messages, round, _) => Task.FromResult(round == 0
            ? ScriptedChatClient.Calls(new FunctionCallContent("c1", "resume_campaign", new Dictionary<string, object?> { ["campaign_id"] = campaignId }))
            : ScriptedChatClient.Text("I prepared it."));

        await using var turn = await app.Agent.StartAsync(await app.PrincipalAsync(user.Id), new AgentTurnRequest { Text = "resume it" });
        var events = await AgentHost.CollectAsync(turn);

        var card = Assert.Single(events.OfType<DataShown>(), d => d.Kind == "action");
        var actionId = (long)card.Data["id"]!;
        Assert.Equal("proposed", (string?)card.Data["status"]);
        Assert.Equal("resume_campaign", (string?)card.Data["tool"]);
        Assert.Equal("paused", await StatusAsync(campaignId));
        var seen = events.OfType<ToolFinished>().Single().Output!;
        Assert.NotNull(seen["proposed_action"]);

        var actions = app.Services.GetRequiredService<AgentActions>();
        var applied = await actions.ApplyAsync(await app.PrincipalAsync(user.Id), actionId, confirm: false);
        Assert.Equal("applied", applied.Status);
        Assert.Equal("active", await StatusAsync(campaignId));
        var log = await app.Services.GetRequiredService<ActionLogService>().GetAsync(user.Id, applied.ActionLogId!.Value);
        Assert.Equal((ActionSources.Agent, "resume_campaign"), (log.Source, log.Action));

        var again = await Assert.ThrowsAsync<ConflictException>(() => actions.ApplyAsync(app.PrincipalAsync(user.Id).Result, actionId, false));
        Assert.Equal("already_applied", again.Code);
        var other = await app.SignInAsync("agent-write-other@example.com");
        await Assert.ThrowsAsync<NotFoundException>(() => actions.ApplyAsync(app.PrincipalAsync(other.Id).Result, actionId, false));
        await Assert.ThrowsAsync<NotFoundException>(() => actions.DismissAsync(other.Id, actionId));
    }

    [Fact]
    public async Task StartAsync_BalanceBelowTheEstimate_IsRefusedAndChangesNothing()
    {
        var user = await app.SignInAsync("agent-poor@example.com");
        var credits = app.Services.GetRequiredService<CreditService>();
        var balance = (await credits.GetBalanceAsync(user.Id)).Total;
        await credits.DeductAsync(user.Id, new DeductRequest { Operation = "campaign_action", IdempotencyKey = "drain", ReferenceId = "drain" });
        while ((await credits.GetBalanceAsync(user.Id)).Total >= 1m)
        {
            await credits.DeductAsync(user.Id, new DeductRequest { Operation = "campaign_action", IdempotencyKey = Guid.NewGuid().ToString(), ReferenceId = "drain" });
        }

        var before = await credits.GetBalanceAsync(user.Id);
        var refused = await Assert.ThrowsAsync<InsufficientCreditsException>(() =>
            app.Agent.StartAsync(app.PrincipalAsync(user.Id).Result, new AgentTurnRequest { Text = new string('x', 4_000) }));

        Assert.True(refused.Required > before.Total && balance > 0);
        Assert.Equal(before, await credits.GetBalanceAsync(user.Id));
        Assert.Equal(0, (await app.Services.GetRequiredService<ConversationService>().ListAsync(user.Id, new ConversationQuery())).Total);
    }

    [Fact]
    public async Task RunAsync_ProviderFails_ReportsProviderErrorAndChargesNothing()
    {
        var user = await app.SignInAsync("agent-fail@example.com");
        app.Script = (_, _, _) => throw new HttpRequestException("upstream 500 with secret sk-test-123");
        var credits = app.Services.GetRequiredService<CreditService>();
        var before = await credits.GetBalanceAsync(user.Id);

        await using var turn = await app.Agent.StartAsync(await app.PrincipalAsync(user.Id), new AgentTurnRequest { Text = "hello" });
        var events = await AgentHost.CollectAsync(turn);

        var failed = Assert.IsType<TurnFailed>(events[^1]);
        Assert.Equal("provider_error", failed.Code);
        Assert.DoesNotContain("sk-test", failed.Message);
        Assert.Equal(before, await credits.GetBalanceAsync(user.Id));
        var stored = await app.Services.GetRequiredService<ConversationService>().GetAsync(user.Id, turn.ConversationId);
        Assert.Equal(MessageStatuses.Failed, stored.Messages[^1].Status);
    }

    [Fact]
    public async Task RunAsync_Cancelled_StopsAndChargesNothing()
    {
        var user = await app.SignInAsync("agent-cancel@example.com");
        var entered = new TaskCompletionSource();
        app.Script = async (_, _, ct) =>
        {
            entered.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return ScriptedChatClient.Text("never");
        };
        var credits = app.Services.GetRequiredService<CreditService>();
        var before = await credits.GetBalanceAsync(user.Id);
        using var stop = new CancellationTokenSource();

        await using var turn = await app.Agent.StartAsync(await app.PrincipalAsync(user.Id), new AgentTurnRequest { Text = "hello" });
        var running = AgentHost.CollectAsync(turn, stop.Token);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await stop.CancelAsync();
        var events = await running;

        Assert.Equal("cancelled", Assert.IsType<TurnFailed>(events[^1]).Code);
        Assert.Equal(before, await credits.GetBalanceAsync(user.Id));
    }

    [Fact]
    public async Task RunAsync_ReaderStopsEarly_StopsTheTurnAndChargesNothing()
    {
        var user = await app.SignInAsync("agent-walkaway@example.com");
        app.Script = async (_, _, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return ScriptedChatClient.Text("never");
        };
        var credits = app.Services.GetRequiredService<CreditService>();
        var before = await credits.GetBalanceAsync(user.Id);

        long conversationId;
        await using (var turn = await app.Agent.StartAsync(await app.PrincipalAsync(user.Id), new AgentTurnRequest { Text = "hello" }))
        {
            conversationId = turn.ConversationId;
            await foreach (var e in turn.RunAsync())
            {
                Assert.IsType<TurnStarted>(e);
                break; // the transport went away without cancelling
            }
        }

        Assert.Equal(before, await credits.GetBalanceAsync(user.Id));
        var stored = await app.Services.GetRequiredService<ConversationService>().GetAsync(user.Id, conversationId);
        Assert.Equal(MessageStatuses.Cancelled, stored.Messages[^1].Status);
    }

    [Fact]
    public async Task StartAsync_AnotherUsersConversation_IsNotFound()
    {
        var owner = await app.SignInAsync("agent-owner@example.com");
        app.Script = (_, _, _) => Task.FromResult(ScriptedChatClient.Text("Hi."));
        await using (var first = await app.Agent.StartAsync(await app.PrincipalAsync(owner.Id), new AgentTurnRequest { Text = "hello" }))
        {
            await AgentHost.CollectAsync(first);
            var intruder = await app.SignInAsync("agent-intruder@example.com");
            await Assert.ThrowsAsync<NotFoundException>(() => app.Agent.StartAsync(
                app.PrincipalAsync(intruder.Id).Result, new AgentTurnRequest { ConversationId = first.ConversationId, Text = "show me" }));
        }
    }

    private async Task<long> CreatePausedCampaignAsync(McpUser user)
    {
        var client = await app.ConnectMcpAsync(await app.CreatePatAsync(user.Id));
        var accountId = (await client.SucceedsAsync("list_ad_accounts")).GetProperty("accounts")[0].GetProperty("id").GetInt64();
        var created = await client.SucceedsAsync("create_campaign", new
        {
            ad_account_id = accountId, name = "Agent test", budget = 100m, start_date = "2026-11-27", end_date = "2026-12-20",
            ad_sets = new[] { new { name = "Broad", budget_type = "daily", budget = 20m, targeting = new { locations = new[] { "US" } }, ads = new[] { new { name = "Ad", headline = "Hi", landing_page_url = "https://shop.example.com" } } } },
        });
        return created.GetProperty("result").GetProperty("campaign").GetProperty("id").GetInt64();
    }

    private async Task<string> StatusAsync(long campaignId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return (await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaignId)).Status.ToString().ToLowerInvariant();
    }
}
