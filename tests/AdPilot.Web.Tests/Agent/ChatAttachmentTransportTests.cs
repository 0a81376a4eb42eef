using System.Net;
using System.Net.Http.Json;
using AdPilot.Core.Creatives;
using AdPilot.Web.Tests.Support;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using static AdPilot.Web.Tests.Agent.ChatSocketClient;

namespace AdPilot.Web.Tests.Agent;

/// <summary>Images and links on both transports (docs/decisions/030): what the model is told, what is refused and with which code.</summary>
public sealed class ChatAttachmentTransportTests(AgentHost app) : IClassFixture<AgentHost>
{
    private string? _told;
    private IReadOnlyList<ChatMessage> _seen = [];

    private void ScriptEcho() => app.Script = (messages, _, _) =>
    {
        _seen = messages;
        _told = messages.Last(m => m.Role == ChatRole.User).Text;
        return Task.FromResult(ScriptedChatClient.Text("Seen."));
    };

    private async Task<long> UploadAsync(long userId) =>
        (await app.Services.GetRequiredService<CreativeService>().UploadAsync(userId, new MemoryStream(TestImages.Png(600, 600)), "ad.png", new CreateCreativeRequest())).Id;

    private static StringContent Body(params object[] parts) => ChatTestSupport.Json(new
    {
        id = "chat-1",
        messages = new object[] { new { id = "m1", role = "user", parts } },
        trigger = "submit-message",
    });

    [Fact]
    public async Task PostChat_DataImageAndSourceUrlParts_AreToldToTheModelAndStoredWithTheMessage()
    {
        var user = await app.SignInAsync("chat-attach-stream@example.com");
        var creativeId = await UploadAsync(user.Id);
        ScriptEcho();

        var response = await app.Bearer(user.AccessToken).PostAsync("/api/chat", Body(
            new { type = "text", text = "score these" },
            new { type = "data-image", data = new { creativeId } },
            new { type = "source-url", sourceId = "s1", url = "https://shop.example.com/spring" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var chunks = ChatTestSupport.Chunks(await response.Content.ReadAsStringAsync());
        Assert.Equal(
            $"score these\n\n[Attached by the user: image uploaded as creative {creativeId} (read it with get_creative); link https://shop.example.com/spring (read it with analyze_web_page);]",
            _told);
        var conversationId = chunks[0].GetProperty("messageMetadata").GetProperty("conversationId").GetInt64();
        var stored = await app.Bearer(user.AccessToken).GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/agent/conversations/{conversationId}");
        using var parts = System.Text.Json.JsonDocument.Parse(stored.GetProperty("messages")[0].GetProperty("partsJson").GetString()!);
        Assert.Equal(("data-image", creativeId), (parts.RootElement[0].GetProperty("type").GetString(), parts.RootElement[0].GetProperty("data").GetProperty("creativeId").GetInt64()));
        Assert.Equal(("source-url", "https://shop.example.com/spring"), (parts.RootElement[1].GetProperty("type").GetString(), parts.RootElement[1].GetProperty("url").GetString()));
    }

    [Fact]
    public async Task PostChat_FollowUp_RemindsTheModelOfTheEarlierMessagesAttachments()
    {
        var user = await app.SignInAsync("chat-attach-follow-up@example.com");
        var creativeId = await UploadAsync(user.Id);
        ScriptEcho();
        var client = app.Bearer(user.AccessToken);
        var first = ChatTestSupport.Chunks(await (await client.PostAsync("/api/chat", Body(new { type = "text", text = "score this" }, new { type = "data-image", data = new { creativeId } }))).Content.ReadAsStringAsync());
        var conversationId = first[0].GetProperty("messageMetadata").GetProperty("conversationId").GetInt64();

        var response = await client.PostAsync("/api/chat", ChatTestSupport.UseChatBody("which tags suit it?", conversationId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            ["score this\n\n[Attached by the user: image uploaded as creative " + creativeId + " (read it with get_creative);]", "Seen.", "which tags suit it?"],
            _seen.Where(m => m.Role != ChatRole.System).Select(m => m.Text));
    }

    [Theory]
    [InlineData("file", "messages[0].parts[1]")]
    [InlineData("data-image-no-id", "messages[0].parts[1].data.creativeId")]
    [InlineData("source-url-ftp", "messages[0].parts[1].url")]
    public async Task PostChat_BadAttachmentPart_IsRefusedBeforeTheStream(string kind, string field)
    {
        var user = await app.SignInAsync($"chat-attach-bad-{kind}@example.com");
        object part = kind switch
        {
            "file" => new { type = "file", mediaType = "image/png", url = "data:image/png;base64,iVBORw0KGgo=" },
            "data-image-no-id" => new { type = "data-image", data = new { creativeId = "twelve" } },
            _ => new { type = "source-url", sourceId = "s1", url = "ftp://example.com/file" },
        };

        var response = await app.Bearer(user.AccessToken).PostAsync("/api/chat", Body(new { type = "text", text = "look" }, part));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("validation_failed", problem.Code());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    [Fact]
    public async Task PostChat_AnotherUsersCreative_IsNotFound_BeforeTheStream()
    {
        var owner = await app.SignInAsync("chat-attach-owner@example.com");
        var other = await app.SignInAsync("chat-attach-other@example.com");
        var creativeId = await UploadAsync(owner.Id);

        var response = await app.Bearer(other.AccessToken).PostAsync("/api/chat", Body(new { type = "text", text = "score this" }, new { type = "data-image", data = new { creativeId } }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not_found", (await response.ProblemAsync()).Code());
    }

    [Fact]
    public async Task Socket_ChatWithAttachments_TellsTheModel_RefusesBadOnes_AndAnotherUsersCreative()
    {
        var owner = await app.SignInAsync("ws-attach-owner@example.com");
        var user = await app.SignInAsync("ws-attach@example.com");
        var mine = await UploadAsync(user.Id);
        var theirs = await UploadAsync(owner.Id);
        ScriptEcho();
        await using var socket = await ConnectAsync(app, bearer: user.AccessToken);

        await socket.SendAsync(new { type = "chat", id = "c1", text = "score this", attachments = new object[] { new { kind = "image", creative_id = mine } } });
        Assert.Equal("turn_finished", Type((await socket.ReceiveUntilAsync(Ends))[^1]));
        Assert.EndsWith($"[Attached by the user: image uploaded as creative {mine} (read it with get_creative);]", _told, StringComparison.Ordinal);

        await socket.SendAsync(new { type = "chat", id = "c2", text = "and this", attachments = new object[] { new { kind = "video", url = "x" } } });
        var invalid = await socket.NextAsync();
        Assert.Equal(("error", "validation_failed"), (Type(invalid), invalid.GetProperty("code").GetString()));
        Assert.True(invalid.GetProperty("errors").TryGetProperty("attachments[0].kind", out _), invalid.GetRawText());

        await socket.SendAsync(new { type = "chat", id = "c3", text = "and this", attachments = new object[] { new { kind = "image", creative_id = theirs } } });
        var refused = (await socket.ReceiveUntilAsync(Ends))[^1];
        Assert.Equal(("turn_failed", "not_found"), (Type(refused), refused.GetProperty("code").GetString()));
    }
}
