using System.Diagnostics.Metrics;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using AdPilot.Core.Credits;
using AdPilot.Core.Identity;
using AdPilot.Web.Features.Agent;
using AdPilot.Web.Tests.Support;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using static AdPilot.Web.Tests.Agent.ChatSocketClient;

namespace AdPilot.Web.Tests.Agent;

/// <summary>/ws/chat with a real WebSocket client over the test server and a scripted model.</summary>
public sealed class ChatSocketTests(AgentHost app) : IClassFixture<AgentHost>
{
    [Fact]
    public async Task Connect_WithoutCredentials_IsRefusedBeforeUpgrading()
    {
        var response = await app.CreateClient().GetAsync("/ws/chat");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("unauthenticated", (await response.ProblemAsync()).Code());
        await Assert.ThrowsAsync<InvalidOperationException>(() => ConnectAsync(app));
    }

    [Fact]
    public async Task Connect_BrowserCookieFromAnotherSite_IsRefused_FromItsOwnPagesAccepted()
    {
        var cookie = await app.SessionCookieAsync("ws-cookie@example.com");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ws/chat");
        request.Headers.Add("Cookie", cookie);
        request.Headers.Add("Origin", "https://evil.example");

        var response = await app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false }).SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("cross_site_websocket", (await response.ProblemAsync()).Code());
        await Assert.ThrowsAsync<InvalidOperationException>(() => ConnectAsync(app, cookie: cookie, origin: "https://evil.example"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => ConnectAsync(app, cookie: cookie, origin: "http://localhost.evil.example"));

        app.Script = (_, _, _) => Task.FromResult(ScriptedChatClient.Text("Hello from the app."));
        await using var socket = await ConnectAsync(app, cookie: cookie, origin: "http://localhost");
        await socket.SendAsync(new { type = "chat", id = "c1", text = "hi" });
        var turn = await socket.ReceiveUntilAsync(Ends);
        Assert.Equal("turn_finished", Type(turn[^1]));
    }

    [Fact]
    public async Task Connect_ReadOnlyAccessToken_IsRefused()
    {
        var user = await app.SignInAsync("ws-readonly@example.com");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ConnectAsync(app, bearer: app.CreatePatAsync(user.Id, AccessScopes.Read).Result));

        Assert.Contains("403", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_ToolThenText_StreamsTheTurnWithTheClientsId()
    {
        var user = await app.SignInAsync("ws-stream@example.com");
        await app.BindSimulatedAccountAsync(user);
        app.Script = (_, round, _) => Task.FromResult(round == 0
            ? ScriptedChatClient.Calls(new FunctionCallContent("t1", "list_ad_accounts", new Dictionary<string, object?>()))
            : ScriptedChatClient.Text("You have one account."));
        await using var socket = await ConnectAsync(app, bearer: await app.CreatePatAsync(user.Id));

        await socket.SendAsync(new { type = "chat", id = "q1", text = "Which accounts do I have?", page = new { path = "/overview" } });
        var events = await socket.ReceiveUntilAsync(Ends);

        Assert.All(events, e => Assert.Equal("q1", e.GetProperty("id").GetString()));
        Assert.Equal(["turn_started", "tool_started", "tool_finished", "text_delta", "turn_finished"], events.Select(Type).Distinct());
        Assert.Equal("list_ad_accounts", events[1].GetProperty("tool").GetString());
        Assert.False(events[2].GetProperty("is_error").GetBoolean());
        Assert.Equal("You have one account.", string.Concat(events.Where(e => Type(e) == "text_delta").Select(e => e.GetProperty("text").GetString())));
        var done = events[^1];
        Assert.Equal((await app.Services.GetRequiredService<CreditService>().GetBalanceAsync(user.Id)).Total, done.GetProperty("balance_after").GetDecimal());

        // The same socket takes the next turn of the same conversation.
        var conversationId = events[0].GetProperty("conversation_id").GetInt64();
        await socket.SendAsync(new { type = "chat", id = "q2", conversation_id = conversationId, text = "Thanks" });
        var next = await socket.ReceiveUntilAsync(Ends);
        Assert.Equal(conversationId, next[0].GetProperty("conversation_id").GetInt64());
    }

    [Fact]
    public async Task BadMessages_AreAnsweredWithErrors_AndTheSocketStaysOpen()
    {
        var user = await app.SignInAsync("ws-bad@example.com");
        using var errors = new MetricCollector<long>(app.Services.GetRequiredService<IMeterFactory>(), AgentMetrics.MeterName, "adpilot.agent.ws.errors");
        await using var socket = await ConnectAsync(app, bearer: user.AccessToken);

        async Task<System.Text.Json.JsonElement> Answer(string text)
        {
            await socket.SendTextAsync(text);
            var answer = await socket.NextAsync();
            Assert.Equal("error", Type(answer));
            return answer;
        }

        Assert.Equal("invalid_json", (await Answer("hello?")).GetProperty("code").GetString());
        var unknownField = await Answer("""{"type":"chat","id":"a","text":"hi","conversationId":3}""");
        Assert.Equal("invalid_json", unknownField.GetProperty("code").GetString());
        var missing = await Answer("""{"type":"chat","id":"a"}""");
        Assert.Equal("validation_failed", missing.GetProperty("code").GetString());
        Assert.True(missing.GetProperty("errors").TryGetProperty("text", out _));
        var nested = await Answer("""{"type":"chat","id":"a","text":"hi","page":{"path":"/x","entity_type":"planet","entity_id":0}}""");
        Assert.True(nested.GetProperty("errors").TryGetProperty("page.entity_type", out _));
        Assert.True(nested.GetProperty("errors").TryGetProperty("page.entity_id", out _));
        Assert.Equal("validation_failed", (await Answer("""{"type":"shout"}""")).GetProperty("code").GetString());
        Assert.Equal("unknown_turn", (await Answer("""{"type":"cancel","id":"nothing"}""")).GetProperty("code").GetString());
        var tooLong = await Answer(JsonText(new { type = "chat", id = "a", text = new string('x', AgentLimits.MaxMessageChars + 1) }));
        Assert.True(tooLong.GetProperty("errors").TryGetProperty("text", out _));
        Assert.Equal("message_too_large", (await Answer(new string(' ', 70 * 1024) + "{}")).GetProperty("code").GetString());
        await socket.Socket.SendAsync(new byte[] { 1, 2, 3 }, WebSocketMessageType.Binary, true, CancellationToken.None);
        Assert.Equal("invalid_message", (await socket.NextAsync()).GetProperty("code").GetString());

        await socket.SendAsync(new { type = "ping" });
        Assert.Equal("pong", Type(await socket.NextAsync()));
        Assert.Equal(WebSocketState.Open, socket.Socket.State);
        Assert.Contains(errors.GetMeasurementSnapshot(), m => (string?)m.Tags["reason"] == "message_too_large");
        Assert.Contains(errors.GetMeasurementSnapshot(), m => (string?)m.Tags["reason"] == "invalid_json");
    }

    [Fact]
    public async Task Cancel_StopsTheTurn_AndChargesNothing()
    {
        var user = await app.SignInAsync("ws-cancel@example.com");
        _ = app.AnswersOnlyWhenCancelled();
        var credits = app.Services.GetRequiredService<CreditService>();
        var before = await credits.GetBalanceAsync(user.Id);
        await using var socket = await ConnectAsync(app, bearer: user.AccessToken);

        await socket.SendAsync(new { type = "chat", id = "long", text = "take your time" });
        Assert.Equal("turn_started", Type(await socket.NextAsync()));
        await socket.SendAsync(new { type = "cancel", id = "long" });
        var failed = await socket.NextAsync();

        Assert.Equal(("turn_failed", "cancelled", "long"), (Type(failed), failed.GetProperty("code").GetString(), failed.GetProperty("id").GetString()));
        Assert.Equal(before, await credits.GetBalanceAsync(user.Id));
    }

    [Fact]
    public async Task SeveralTurns_RunSideBySide_UpToThePerUserLimit()
    {
        var user = await app.SignInAsync("ws-several@example.com");
        _ = app.AnswersOnlyWhenCancelled();
        var limit = app.Agent.Options.MaxConcurrentTurnsPerUser;
        await using var socket = await ConnectAsync(app, bearer: user.AccessToken);

        for (var i = 0; i < limit; i++)
        {
            await socket.SendAsync(new { type = "chat", id = $"t{i}", text = "hi" });
            var started = await socket.NextAsync();
            Assert.Equal(("turn_started", $"t{i}"), (Type(started), started.GetProperty("id").GetString()));
        }

        await socket.SendAsync(new { type = "chat", id = "t0", text = "again" });
        Assert.Equal("duplicate_id", (await socket.NextAsync()).GetProperty("code").GetString());
        await socket.SendAsync(new { type = "chat", id = "over", text = "one more" });
        var refused = await socket.NextAsync();
        Assert.Equal(("turn_failed", "turn_in_progress", "over"), (Type(refused), refused.GetProperty("code").GetString(), refused.GetProperty("id").GetString()));

        for (var i = 0; i < limit; i++)
        {
            await socket.SendAsync(new { type = "cancel", id = $"t{i}" });
        }

        var ended = new[] { await socket.NextAsync(), await socket.NextAsync() };
        Assert.All(ended, e => Assert.Equal("cancelled", e.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task ClosingTheSocket_CancelsItsTurns_AndCountsTheConnection()
    {
        var user = await app.SignInAsync("ws-close@example.com");
        var cancelled = app.AnswersOnlyWhenCancelled();
        using var connections = new MetricCollector<long>(app.Services.GetRequiredService<IMeterFactory>(), AgentMetrics.MeterName, "adpilot.agent.ws.connections");
        var socket = await ConnectAsync(app, bearer: user.AccessToken);
        await socket.SendAsync(new { type = "chat", id = "c", text = "hi" });
        Assert.Equal("turn_started", Type(await socket.NextAsync()));
        var opened = connections.GetMeasurementSnapshot().Select(m => m.Value).ToList().IndexOf(1);
        Assert.True(opened >= 0);

        await socket.DisposeAsync();

        await cancelled.WaitAsync(TimeSpan.FromSeconds(10));
        await connections.WaitForMeasurementsAsync(opened + 2, TimeSpan.FromSeconds(10));
        Assert.Contains(-1L, connections.GetMeasurementSnapshot().Skip(opened + 1).Select(m => m.Value));
    }

    private static string JsonText(object value) => System.Text.Json.JsonSerializer.Serialize(value);
}
