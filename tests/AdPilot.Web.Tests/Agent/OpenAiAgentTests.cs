using System.Text.Json;
using AdPilot.Core.Agent;
using AdPilot.Core.Credits;
using AdPilot.Core.Data;
using AdPilot.Web.Features.Agent;
using AdPilot.Web.Tests.Fakes;
using AdPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Web.Tests.Agent;

/// <summary>
/// The agent on an OpenAI-compatible endpoint — the OpenAI SDK's client against <see cref="FakeOpenAi"/>, which speaks the
/// chat-completions streaming wire format: tool calls round-trip, a failed or cancelled turn costs nothing, a write the
/// model asks for becomes an action card, and the key stays out of every log line and event.
/// </summary>
public sealed class OpenAiAgentTests(OpenAiAgentHost host) : IClassFixture<OpenAiAgentHost>
{
    [Fact]
    public async Task RunAsync_StreamedAnswerWithTwoToolCalls_RoundTripsAndChargesTheReportedTokens()
    {
        var user = await host.App.SignInAsync("openai-roundtrip@example.com");
        var accountId = await host.App.BindSimulatedAccountAsync(user);
        var config = await host.Get<CreditConfigService>().GetCurrentAsync();
        var before = await host.BalanceAsync(user.Id);
        var requestsBefore = host.Provider.Chats.Count;
        host.Provider.Script(
            OpenAiReply.ToolCalls(new OpenAiUsage(1_200, 40),
                new OpenAiToolCall("call_accounts", "list_ad_accounts", "{}"),
                new OpenAiToolCall("call_report", "get_reports", $$"""{"ad_account_id":{{accountId}},"from":"2026-11-01","to":"2026-11-07"}""")),
            OpenAiReply.Text("You have two accounts; nothing ran from 1 to 7 November.", new OpenAiUsage(1_650, 25)));

        var (events, _) = await host.TurnAsync(user.Id, "How did my accounts do in the first week of November?");

        // The model was offered the registry's tools, with the registry's names, descriptions and schemas, over the streaming API.
        var chats = host.Provider.Chats.Skip(requestsBefore).ToList();
        Assert.Equal(2, chats.Count);
        Assert.Equal(OpenAiAgentHost.Model, chats[0].GetProperty("model").GetString());
        Assert.True(chats[0].GetProperty("stream").GetBoolean());
        Assert.True(chats[0].GetProperty("stream_options").GetProperty("include_usage").GetBoolean());
        var offered = chats[0].GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("function")).ToDictionary(f => f.GetProperty("name").GetString()!);
        var toolbox = host.Get<AgentToolbox>();
        Assert.Equal(toolbox.Tools.Select(t => t.Tool.ProtocolTool.Name).Concat(["show_chart", "show_table"]).Order(), offered.Keys.Order());
        foreach (var name in new[] { "list_ad_accounts", "get_reports" })
        {
            var registered = toolbox.Find(name)!.Value.Tool.ProtocolTool;
            Assert.Equal(registered.Description, offered[name].GetProperty("description").GetString());
            // The SDK adds an empty "required" and "additionalProperties": false where the registry leaves them out; the parameters are the registry's.
            var sent = offered[name].GetProperty("parameters");
            Assert.True(JsonElement.DeepEquals(registered.InputSchema.GetProperty("properties"), sent.GetProperty("properties")), $"{name}'s parameters are not the registry's");
            Assert.Equal(Required(registered.InputSchema), Required(sent));
        }

        // Compact JSON: the adapter writes the tools' schemas indented, whitespace a provider would bill as prompt tokens every round.
        Assert.All(host.Provider.Requests.TakeLast(2), r => Assert.DoesNotContain('\n', r.Body));

        // The next request carried the model's calls and the tools' results as tool messages answering them.
        var messages = chats[1].GetProperty("messages").EnumerateArray().ToList();
        var calls = messages.Single(m => m.GetProperty("role").GetString() == "assistant").GetProperty("tool_calls").EnumerateArray().ToList();
        Assert.Equal(new[] { "call_accounts", "call_report" }, calls.Select(c => c.GetProperty("id").GetString()));
        var sentArguments = JsonSerializer.Deserialize<JsonElement>(calls[1].GetProperty("function").GetProperty("arguments").GetString()!);
        Assert.Equal(("2026-11-01", accountId), (sentArguments.GetProperty("from").GetString(), sentArguments.GetProperty("ad_account_id").GetInt64()));
        var results = messages.Where(m => m.GetProperty("role").GetString() == "tool")
            .ToDictionary(m => m.GetProperty("tool_call_id").GetString()!, m => m.GetProperty("content").GetString()!);
        Assert.Contains("Simulated Store", results["call_accounts"], StringComparison.Ordinal);
        Assert.Contains("\"previous_from\"", results["call_report"], StringComparison.Ordinal);

        // The user saw both tools run (the arguments reassembled from their deltas), then the answer in several deltas.
        var started = events.OfType<ToolStarted>().ToList();
        Assert.Equal(new[] { "list_ad_accounts", "get_reports" }, started.Select(s => s.Tool));
        Assert.Equal(accountId, (long)started[1].Arguments["ad_account_id"]!);
        Assert.All(events.OfType<ToolFinished>(), f => Assert.False(f.IsError));
        var deltas = events.OfType<TextDelta>().ToList();
        Assert.True(deltas.Count > 1, "the answer arrived in one piece, not streamed");
        Assert.Equal("You have two accounts; nothing ran from 1 to 7 November.", string.Concat(deltas.Select(d => d.Text)));
        Assert.True(events.FindLastIndex(e => e is ToolFinished) < events.FindIndex(e => e is TextDelta));

        // One charge: the model and the provider's token counts over both rounds, priced at the config in force.
        var expected = OpenAiAgentHost.Price(config.Settings, 2_850, 65);
        var done = Assert.IsType<TurnFinished>(events[^1]);
        Assert.Equal((OpenAiAgentHost.Model, 2_850, 65, expected), (done.Model, done.InputTokens, done.OutputTokens, done.Credits));
        var charge = Assert.Single(await host.ChatChargesAsync(user.Id));
        Assert.Equal((OpenAiAgentHost.Model, 2_850, 65, -expected, config.Version), (charge.Model, charge.InputTokens, charge.OutputTokens, charge.Amount, charge.ConfigVersion));
        Assert.Equal(before - expected, await host.BalanceAsync(user.Id));
    }

    [Fact]
    public async Task RunAsync_ProviderAnswers500_RetriesOnceThenFailsAndChargesNothing()
    {
        var user = await host.App.SignInAsync("openai-500@example.com");
        var before = await host.BalanceAsync(user.Id);
        var requestsBefore = host.Provider.Chats.Count;
        // A proxy that echoes the key in its error body: the text must go nowhere.
        host.Provider.Script(
            OpenAiReply.Error(500, $"The server had an error while processing your request (key {OpenAiAgentHost.ApiKey})."),
            OpenAiReply.Error(500, $"The server had an error while processing your request (key {OpenAiAgentHost.ApiKey})."));

        var (events, conversationId) = await host.TurnAsync(user.Id, "hello");

        var failed = Assert.IsType<TurnFailed>(events[^1]);
        Assert.Equal("provider_error", failed.Code);
        Assert.DoesNotContain("sk-test", failed.Message, StringComparison.Ordinal);
        Assert.Equal(requestsBefore + 2, host.Provider.Chats.Count); // Agent:MaxRetries = 1 in this host: tried twice, then given up
        Assert.Equal(before, await host.BalanceAsync(user.Id));
        Assert.Empty(await host.ChatChargesAsync(user.Id));
        var stored = await host.Get<ConversationService>().GetAsync(user.Id, conversationId);
        Assert.Equal(MessageStatuses.Failed, stored.Messages[^1].Status);
    }

    [Fact]
    public async Task RunAsync_ProviderFailsOnceThenAnswers_IsRetriedAndChargedOnce()
    {
        var user = await host.App.SignInAsync("openai-503@example.com");
        var requestsBefore = host.Provider.Chats.Count;
        host.Provider.Script(OpenAiReply.Error(503, "The engine is currently overloaded, please try again later."), OpenAiReply.Text("Back again."));

        var (events, _) = await host.TurnAsync(user.Id, "hello");

        Assert.IsType<TurnFinished>(events[^1]);
        Assert.Equal("Back again.", string.Concat(events.OfType<TextDelta>().Select(d => d.Text)));
        Assert.Equal(requestsBefore + 2, host.Provider.Chats.Count);
        Assert.Single(await host.ChatChargesAsync(user.Id));
    }

    [Fact]
    public async Task RunAsync_ProviderAsksToWaitLongerThanTheTurnCanAfford_FailsAtOnceWithoutRetrying()
    {
        var user = await host.App.SignInAsync("openai-429@example.com");
        var requestsBefore = host.Provider.Chats.Count;
        host.Provider.Script(OpenAiReply.Error(429, "Rate limit reached for gpt-4o-mini. Please try again in 2m.", "requests", retryAfterSeconds: 120), OpenAiReply.Text("too late"));

        var (events, _) = await host.TurnAsync(user.Id, "hello");

        Assert.Equal("provider_error", Assert.IsType<TurnFailed>(events[^1]).Code);
        Assert.Equal(requestsBefore + 1, host.Provider.Chats.Count);
        Assert.Empty(await host.ChatChargesAsync(user.Id));
    }

    [Fact]
    public async Task RunAsync_StreamBreaksMidAnswer_FailsWithProviderErrorAndChargesNothing()
    {
        var user = await host.App.SignInAsync("openai-broken@example.com");
        var before = await host.BalanceAsync(user.Id);
        var requestsBefore = host.Provider.Chats.Count;
        var broken = OpenAiReply.BrokenAfter("Your CPA rose because the");
        host.Provider.Script(broken);

        await using var turn = await host.Agent.StartAsync(await host.PrincipalAsync(user.Id), new AgentTurnRequest { Text = "why did my CPA go up yesterday?" });
        var events = new List<AgentEvent>();
        await foreach (var e in turn.RunAsync())
        {
            events.Add(e);
            if (e is TextDelta)
            {
                broken.Drop(); // the answer has begun streaming: now the connection drops
            }
        }

        Assert.Contains(events, e => e is TextDelta);
        Assert.Equal("provider_error", Assert.IsType<TurnFailed>(events[^1]).Code);
        Assert.Equal(requestsBefore + 1, host.Provider.Chats.Count); // half an answer was shown: not silently asked again
        Assert.Equal(before, await host.BalanceAsync(user.Id));
        Assert.Empty(await host.ChatChargesAsync(user.Id));
    }

    [Fact]
    public async Task RunAsync_CancelledWhileTheModelStreams_StopsTheRequestAndChargesNothing()
    {
        var user = await host.App.SignInAsync("openai-cancel@example.com");
        var before = await host.BalanceAsync(user.Id);
        var stall = OpenAiReply.Stall();
        host.Provider.Script(stall);
        using var stop = new CancellationTokenSource();

        await using var turn = await host.Agent.StartAsync(await host.PrincipalAsync(user.Id), new AgentTurnRequest { Text = "hello" });
        var running = AgentHost.CollectAsync(turn, stop.Token);
        await stall.Started.WaitAsync(TimeSpan.FromSeconds(10));
        await stop.CancelAsync();
        var events = await running;

        Assert.Equal("cancelled", Assert.IsType<TurnFailed>(events[^1]).Code);
        await stall.Ended.WaitAsync(TimeSpan.FromSeconds(10)); // the request to the provider was dropped, so it stops generating
        Assert.Equal(before, await host.BalanceAsync(user.Id));
        Assert.Empty(await host.ChatChargesAsync(user.Id));
    }

    [Fact]
    public async Task RunAsync_ModelCallsAWriteTool_ProposesAnActionCardAndChangesNothing()
    {
        var user = await host.App.SignInAsync("openai-write@example.com");
        var accountId = await host.App.BindSimulatedAccountAsync(user);
        var requestsBefore = host.Provider.Chats.Count;
        var arguments = JsonSerializer.Serialize(new
        {
            ad_account_id = accountId, name = "Winter sale", budget = 100m, start_date = "2026-11-27", end_date = "2026-12-20",
            ad_sets = new[] { new { name = "Broad", budget_type = "daily", budget = 20m, targeting = new { locations = new[] { "US" } }, ads = new[] { new { name = "Ad", headline = "Hi", landing_page_url = "https://shop.example.com" } } } },
        });
        host.Provider.Script(
            OpenAiReply.ToolCalls(new OpenAiUsage(900, 80), new OpenAiToolCall("call_create", "create_campaign", arguments)),
            OpenAiReply.Text("I prepared the campaign Winter sale; apply it when you are ready."));

        var (events, _) = await host.TurnAsync(user.Id, "create a winter sale campaign with 100 budget");

        var card = Assert.Single(events.OfType<DataShown>(), d => d.Kind == "action");
        Assert.Equal(("create_campaign", "proposed"), ((string?)card.Data["tool"], (string?)card.Data["status"]));
        Assert.IsType<TurnFinished>(events[^1]);
        var toolMessage = host.Provider.Chats[requestsBefore + 1].GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("role").GetString() == "tool");
        Assert.Contains("proposed_action", toolMessage.GetProperty("content").GetString(), StringComparison.Ordinal);
        await using var db = await host.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.False(await db.Campaigns.AnyAsync(c => c.UserId == user.Id));
        Assert.False(await db.ActionLog.AnyAsync(a => a.UserId == user.Id));
    }

    [Fact]
    public async Task RunAsync_AtTraceLevel_TheKeyIsInNoLogLineAndNoEvent()
    {
        var user = await host.App.SignInAsync("openai-secrets@example.com");
        host.Provider.Script(
            OpenAiReply.ToolCalls(new OpenAiUsage(100, 10), new OpenAiToolCall("call_balance", "get_credit_balance", "{}")),
            OpenAiReply.Text("You have credits."),
            OpenAiReply.Error(500, $"upstream failure for {OpenAiAgentHost.ApiKey}"),
            OpenAiReply.Error(500, $"upstream failure for {OpenAiAgentHost.ApiKey}"));

        var (answered, _) = await host.TurnAsync(user.Id, "what is my balance?");
        var (failed, _) = await host.TurnAsync(user.Id, "and now?");

        Assert.IsType<TurnFinished>(answered[^1]);
        Assert.IsType<TurnFailed>(failed[^1]);
        var logs = host.Logs.All;
        Assert.Contains("System.ClientModel", logs, StringComparison.Ordinal); // the SDK's own request logging was captured, at Trace
        Assert.Contains("Authorization", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(OpenAiAgentHost.ApiKey, logs, StringComparison.Ordinal);
        Assert.DoesNotContain("Bearer", logs, StringComparison.Ordinal);
        var seen = string.Join('\n', answered.Concat(failed).Select(e => JsonSerializer.Serialize<object>(e)));
        Assert.DoesNotContain("sk-test", seen, StringComparison.Ordinal);
        var request = host.Provider.Requests.Last();
        Assert.Equal("Bearer " + OpenAiAgentHost.ApiKey, request.Headers.Authorization.ToString());
        Assert.StartsWith(OpenAiModel.ApplicationId + " ", request.Headers.UserAgent.ToString(), StringComparison.Ordinal);
    }

    private static List<string?> Required(JsonElement schema) =>
        schema.TryGetProperty("required", out var required) ? [.. required.EnumerateArray().Select(r => r.GetString()).Order()] : [];
}
