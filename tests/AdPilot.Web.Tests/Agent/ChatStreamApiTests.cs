using System.Net;
using System.Text.Json;
using AdPilot.Core.Agent;
using AdPilot.Core.Credits;
using AdPilot.Core.Identity;
using AdPilot.Web.Features.Agent;
using AdPilot.Web.Tests.Support;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace AdPilot.Web.Tests.Agent;

/// <summary>POST /api/chat with a scripted model: the AI SDK's UI message stream, and every refusal as a ProblemDetails before it.</summary>
public sealed class ChatStreamApiTests(AgentHost app) : IClassFixture<AgentHost>
{
    [Fact]
    public async Task PostChat_ToolsTextChartAndActionCard_StreamsEveryChunkInOrder()
    {
        var user = await app.SignInAsync("chat-stream@example.com");
        var accountId = await app.BindSimulatedAccountAsync(user);
        var chart = new ChartSpec("Spend", "line", ["2026-11-28", "2026-11-29"], [new ChartSeries("Spend", [10m, 12m])], "USD");
        app.Script = (_, round, _) => Task.FromResult(round == 0
            ? ScriptedChatClient.Calls(
                new FunctionCallContent("c1", "list_ad_accounts", new Dictionary<string, object?>()),
                new FunctionCallContent("c2", "get_campaign", new Dictionary<string, object?> { ["campaign_id"] = 999_999_999L }),
                new FunctionCallContent("c3", "create_campaign", new Dictionary<string, object?> { ["ad_account_id"] = accountId, ["name"] = "Spring sale", ["budget"] = 50m }))
            : new ChatResponse(new ChatMessage(ChatRole.Assistant, [new TextContent("I prepared "), new TextContent("a campaign."), new ChartContent(chart)])));

        var response = await app.Bearer(await app.CreatePatAsync(user.Id)).PostAsync("/api/chat", ChatTestSupport.UseChatBody("Create a spring sale campaign"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("v1", response.Headers.GetValues(ChatStreamApi.HeaderName).Single());
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        var chunks = ChatTestSupport.Chunks(await response.Content.ReadAsStringAsync());
        Assert.Equal(
            [
                "start", "start-step",
                "tool-input-available", "tool-output-available",
                "tool-input-available", "tool-output-error",
                "tool-input-available", "data-action", "tool-output-available",
                "finish-step", "start-step",
                "text-start", "text-delta", "text-delta", "data-chart", "text-end",
                "finish-step", "finish",
            ],
            chunks.Select(c => c.GetProperty("type").GetString()));

        var start = chunks[0];
        var conversationId = start.GetProperty("messageMetadata").GetProperty("conversationId").GetInt64();
        Assert.StartsWith("msg_", start.GetProperty("messageId").GetString(), StringComparison.Ordinal);
        Assert.Equal(("c1", "list_ad_accounts"), (chunks[2].GetProperty("toolCallId").GetString(), chunks[2].GetProperty("toolName").GetString()));
        Assert.Equal(accountId, chunks[3].GetProperty("output").GetProperty("accounts")[0].GetProperty("id").GetInt64());
        Assert.Equal(JsonValueKind.Object, chunks[4].GetProperty("input").ValueKind);
        Assert.Equal("c2", chunks[5].GetProperty("toolCallId").GetString());
        Assert.False(string.IsNullOrWhiteSpace(chunks[5].GetProperty("errorText").GetString()));
        Assert.Equal("Spring sale", chunks[6].GetProperty("input").GetProperty("name").GetString());
        var card = chunks[7];
        Assert.Equal(("proposed", "create_campaign"), (card.GetProperty("data").GetProperty("status").GetString(), card.GetProperty("data").GetProperty("tool").GetString()));
        Assert.StartsWith("action-", card.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("I prepared a campaign.", string.Concat(chunks.Where(c => c.GetProperty("type").GetString() == "text-delta").Select(c => c.GetProperty("delta").GetString())));
        Assert.Single(chunks.Where(c => c.GetProperty("type").GetString()!.StartsWith("text-", StringComparison.Ordinal)).Select(c => c.GetProperty("id").GetString()).Distinct());
        Assert.Equal("Spend", chunks[14].GetProperty("data").GetProperty("title").GetString());

        var finish = chunks[^1].GetProperty("messageMetadata");
        Assert.Equal(conversationId, finish.GetProperty("conversationId").GetInt64());
        var balance = await app.Services.GetRequiredService<CreditService>().GetBalanceAsync(user.Id);
        Assert.Equal(balance.Total, finish.GetProperty("balanceAfter").GetDecimal());
        Assert.True(finish.GetProperty("credits").GetDecimal() > 0);
        Assert.Equal((100, 10), (finish.GetProperty("inputTokens").GetInt32(), finish.GetProperty("outputTokens").GetInt32()));
    }

    [Fact]
    public async Task PostChat_ConversationIdInTheBody_ContinuesThatConversation()
    {
        var user = await app.SignInAsync("chat-continue@example.com");
        app.Script = (_, _, _) => Task.FromResult(ScriptedChatClient.Text("Hi."));
        var client = app.Bearer(user.AccessToken);
        var first = ChatTestSupport.Chunks(await (await client.PostAsync("/api/chat", ChatTestSupport.UseChatBody("hello"))).Content.ReadAsStringAsync());
        var conversationId = first[0].GetProperty("messageMetadata").GetProperty("conversationId").GetInt64();

        var second = ChatTestSupport.Chunks(await (await client.PostAsync("/api/chat", ChatTestSupport.UseChatBody("and again", conversationId))).Content.ReadAsStringAsync());

        Assert.Equal(conversationId, second[0].GetProperty("messageMetadata").GetProperty("conversationId").GetInt64());
        var stored = await app.Services.GetRequiredService<ConversationService>().GetAsync(user.Id, conversationId);
        Assert.Equal(["hello", "Hi.", "and again", "Hi."], stored.Messages.Select(m => m.Text));
    }

    [Fact]
    public async Task PostChat_BalanceBelowTheEstimate_Is402BeforeStreamingAndChargesNothing()
    {
        var user = await app.SignInAsync("chat-poor@example.com");
        await app.DrainCreditsAsync(user.Id);
        var credits = app.Services.GetRequiredService<CreditService>();
        var before = await credits.GetBalanceAsync(user.Id);

        var response = await app.Bearer(user.AccessToken).PostAsync("/api/chat", ChatTestSupport.UseChatBody("hello"));

        Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
        Assert.Equal("insufficient_credits", (await response.ProblemAsync()).Code());
        Assert.False(response.Headers.Contains(ChatStreamApi.HeaderName));
        Assert.Equal(before, await credits.GetBalanceAsync(user.Id));
        Assert.Equal(0, (await app.Services.GetRequiredService<ConversationService>().ListAsync(user.Id, new ConversationQuery())).Total);
    }

    [Fact]
    public async Task PostChat_WithoutToken_Is401()
    {
        var response = await app.CreateClient().PostAsync("/api/chat", ChatTestSupport.UseChatBody("hello"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_token", (await response.ProblemAsync()).Code());
    }

    [Fact]
    public async Task PostChat_BrowserCookieOnly_IsRefused()
    {
        var cookie = await app.SessionCookieAsync("chat-cookie@example.com");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat") { Content = ChatTestSupport.UseChatBody("hello") };
        request.Headers.Add("Cookie", cookie);

        var response = await app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false }).SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_token", (await response.ProblemAsync()).Code());
    }

    [Fact]
    public async Task PostChat_ReadOnlyAccessToken_Is403()
    {
        var user = await app.SignInAsync("chat-readonly@example.com");

        var response = await app.Bearer(await app.CreatePatAsync(user.Id, AccessScopes.Read)).PostAsync("/api/chat", ChatTestSupport.UseChatBody("hello"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("insufficient_scope", (await response.ProblemAsync()).Code());
    }

    [Fact]
    public async Task PostChat_AnotherUsersConversation_Is404()
    {
        var owner = await app.SignInAsync("chat-owner@example.com");
        app.Script = (_, _, _) => Task.FromResult(ScriptedChatClient.Text("Hi."));
        var first = ChatTestSupport.Chunks(await (await app.Bearer(owner.AccessToken).PostAsync("/api/chat", ChatTestSupport.UseChatBody("hello"))).Content.ReadAsStringAsync());
        var conversationId = first[0].GetProperty("messageMetadata").GetProperty("conversationId").GetInt64();
        var intruder = await app.SignInAsync("chat-intruder@example.com");

        var response = await app.Bearer(intruder.AccessToken).PostAsync("/api/chat", ChatTestSupport.UseChatBody("show me", conversationId));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not_found", (await response.ProblemAsync()).Code());
    }

    [Theory]
    [InlineData("""{"id":"c"}""", "messages")]
    [InlineData("""{"messages":[]}""", "messages")]
    [InlineData("""{"messages":[{"role":"user","parts":[{"type":"step-start"}]}]}""", "messages[0]")]
    [InlineData("""{"messages":[{"role":"user","parts":[{"type":"text","text":"   "}]}]}""", "messages[0]")]
    [InlineData("""{"messages":[{"role":"user","parts":[{"type":"text","text":"hi"}]},{"role":"assistant","parts":[{"type":"text","text":"yes"}]}]}""", "messages[1]")]
    [InlineData("""{"messages":[{"role":"robot","parts":[{"type":"text","text":"hi"}]}]}""", "messages[0].role")]
    [InlineData("""{"messages":[{"role":"user","parts":[{"text":"hi"}]}]}""", "messages[0].parts[0].type")]
    [InlineData("""{"messages":[{"role":"user","parts":[null]}]}""", "messages[0].parts[0]")]
    [InlineData("""{"messages":[{"role":"user"}]}""", "messages[0]")]
    [InlineData("""{"messages":[{"role":"user","parts":[{"type":"text","text":"hi"}]}],"trigger":"explode"}""", "trigger")]
    [InlineData("""{"messages":[{"role":"user","parts":[{"type":"text","text":"hi"}]}],"conversationId":0}""", "conversationId")]
    [InlineData("""{"messages":[{"role":"user","parts":[{"type":"text","text":"hi"}]}],"page":{"path":"campaigns","entityType":"planet"}}""", "page.path")]
    [InlineData("""{"messages":[{"role":"user","parts":[{"type":"text","text":"hi"}]}],"page":{"path":"/campaigns/1","entityType":"planet"}}""", "page.entityType")]
    public async Task PostChat_InvalidBody_Is400WithTheField(string body, string field)
    {
        var user = await app.SignInAsync("chat-invalid@example.com");

        var response = await app.Bearer(user.AccessToken).PostAsync("/api/chat", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("validation_failed", problem.Code());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    [Fact]
    public async Task PostChat_OversizeMessageOrBody_IsRefused()
    {
        var user = await app.SignInAsync("chat-big@example.com");
        var client = app.Bearer(user.AccessToken);

        var longText = await client.PostAsync("/api/chat", ChatTestSupport.UseChatBody(new string('x', AgentLimits.MaxMessageChars + 1)));
        var hugeBody = await client.PostAsync("/api/chat", ChatTestSupport.UseChatBody(new string('x', (int)ChatStreamApi.MaxBodyBytes)));

        Assert.Equal(HttpStatusCode.BadRequest, longText.StatusCode);
        Assert.True((await longText.ProblemAsync()).GetProperty("errors").TryGetProperty("messages[2].parts", out _));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, hugeBody.StatusCode);
        Assert.Equal("payload_too_large", (await hugeBody.ProblemAsync()).Code());
    }

    [Fact]
    public async Task PostChat_ClientDisconnects_CancelsTheTurnAndChargesNothing()
    {
        var user = await app.SignInAsync("chat-gone@example.com");
        var cancelled = app.AnswersOnlyWhenCancelled();
        var credits = app.Services.GetRequiredService<CreditService>();
        var before = await credits.GetBalanceAsync(user.Id);

        using (var response = await app.Bearer(user.AccessToken).SendAsync(
            new HttpRequestMessage(HttpMethod.Post, "/api/chat") { Content = ChatTestSupport.UseChatBody("hello") }, HttpCompletionOption.ResponseHeadersRead))
        {
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            Assert.StartsWith("data: {\"type\":\"start\"", await reader.ReadLineAsync());
        }

        await cancelled.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(before, await credits.GetBalanceAsync(user.Id));
    }
}
