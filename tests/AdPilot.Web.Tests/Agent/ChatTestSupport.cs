using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AdPilot.Core.Credits;
using AdPilot.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AdPilot.Web.Tests.Agent;

/// <summary>What the chat transport tests share: bodies in useChat's shape, reading an SSE body, a browser session cookie, an emptied balance.</summary>
internal static class ChatTestSupport
{
    /// <summary>A body as useChat posts it: the chat id, its messages with parts, the trigger, and AdPilot's extra fields.</summary>
    public static StringContent UseChatBody(string text, long? conversationId = null) => Json(new
    {
        id = "chat-1",
        messages = new object[]
        {
            new { id = "m0", role = "user", parts = new object[] { new { type = "text", text = "Earlier question" } } },
            new { id = "m1", role = "assistant", parts = new object[] { new { type = "step-start" }, new { type = "text", text = "Earlier answer", state = "done" }, new { type = "tool-list_ad_accounts", toolCallId = "t0", state = "output-available", input = new { }, output = new { accounts = Array.Empty<object>() } } } },
            new { id = "m2", role = "user", parts = new object[] { new { type = "text", text } } },
        },
        trigger = "submit-message",
        messageId = (string?)null,
        conversationId,
        page = new { path = "/overview" },
    });

    public static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    public static HttpClient Bearer(this AdPilotFactory app, string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The body's server-sent events, asserting the framing: each event is one <c>data: </c> line followed by a blank line.</summary>
    public static List<string> Events(string body)
    {
        Assert.EndsWith("\n\n", body, StringComparison.Ordinal);
        var events = body[..^2].Split("\n\n");
        Assert.All(events, e => Assert.Matches("^data: [^\n]+$", e));
        return events.Select(e => e["data: ".Length..]).ToList();
    }

    /// <summary>The UI message stream's chunks (everything before <c>[DONE]</c>, which must end it).</summary>
    public static List<JsonElement> Chunks(string body)
    {
        var events = Events(body);
        Assert.Equal("[DONE]", events[^1]);
        return events[..^1].Select(e => JsonDocument.Parse(e).RootElement).ToList();
    }

    /// <summary>The signed-in browser's session cookie (<c>Cookie</c> header value), through the login page's dev sign-in as a person does it.</summary>
    public static async Task<string> SessionCookieAsync(this AdPilotFactory app, string email)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        var login = await client.GetAsync("/login");
        var token = CookieSignIn.AntiforgeryToken(await login.Content.ReadAsStringAsync());
        using var post = new HttpRequestMessage(HttpMethod.Post, "/auth/dev-login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["email"] = email, ["returnUrl"] = "/" }),
        };
        post.Headers.Add("Cookie", CookiesOf(login));
        var signedIn = await client.SendAsync(post);
        var session = CookiesOf(signedIn);
        Assert.Contains("adpilot.session", session, StringComparison.Ordinal);
        return session;
    }

    /// <summary>Makes the model wait until its turn is cancelled; the task completes when it is.</summary>
    public static Task AnswersOnlyWhenCancelled(this AgentHost app)
    {
        var cancelled = new TaskCompletionSource();
        app.Script = async (_, _, ct) =>
        {
            await using var registration = ct.Register(() => cancelled.TrySetResult());
            await Task.Delay(Timeout.Infinite, ct);
            return ScriptedChatClient.Text("never");
        };
        return cancelled.Task;
    }

    /// <summary>Leaves the user 0.2 credits, less than a chat turn's estimate, in one charge.</summary>
    public static async Task DrainCreditsAsync(this AdPilotFactory app, long userId)
    {
        var credits = app.Services.GetRequiredService<CreditService>();
        var balance = (await credits.GetBalanceAsync(userId)).Total;
        // chat_message costs 0.5 plus gpt-4o's 2.5 per 1K input tokens: this many tokens charge balance − 0.2.
        var tokens = (int)((balance - 0.7m) * 400m);
        await credits.DeductAsync(userId, new DeductRequest { Operation = "chat_message", Model = "gpt-4o", InputTokens = tokens, IdempotencyKey = "drain", ReferenceId = "drain" });
        Assert.True((await credits.GetBalanceAsync(userId)).Total < 0.5m);
    }

    private static string CookiesOf(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : []);
}
