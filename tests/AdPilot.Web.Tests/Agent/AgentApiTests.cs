using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdPilot.Core.Agent;
using AdPilot.Web.Features.Agent;
using AdPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AdPilot.Web.Tests.Agent;

/// <summary>Conversations and action cards over REST: list, open, rename, delete, clear, apply, dismiss — and nobody else's.</summary>
public sealed class AgentApiTests(AgentHost app) : IClassFixture<AgentHost>
{
    [Fact]
    public async Task Conversations_ListOpenRenameDelete_RoundTrip()
    {
        var (api, conversationId, _) = await ConversationAsync("api-conv@example.com");

        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/agent/conversations");
        Assert.Equal(conversationId, list.GetProperty("items")[0].GetProperty("id").GetInt64());
        Assert.Equal("How did we do yesterday?", list.GetProperty("items")[0].GetProperty("title").GetString());

        var opened = await api.GetFromJsonAsync<JsonElement>($"/api/v1/agent/conversations/{conversationId}");
        Assert.Equal(["user", "assistant"], opened.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("role").GetString()));

        var renamed = await api.PatchAsJsonAsync($"/api/v1/agent/conversations/{conversationId}", new { title = "Yesterday" });
        Assert.Equal("Yesterday", (await renamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());

        var blank = await api.PatchAsJsonAsync($"/api/v1/agent/conversations/{conversationId}", new { title = " " });
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.True((await blank.ProblemAsync()).GetProperty("errors").TryGetProperty("title", out _));

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/agent/conversations/{conversationId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/agent/conversations/{conversationId}")).StatusCode);
    }

    [Fact]
    public async Task ClearHistory_DeletesEveryConversationOfTheUserOnly()
    {
        var (mine, _, _) = await ConversationAsync("api-clear@example.com");
        var (theirs, theirId, _) = await ConversationAsync("api-clear-other@example.com");

        Assert.Equal(HttpStatusCode.NoContent, (await mine.DeleteAsync("/api/v1/agent/conversations")).StatusCode);

        Assert.Equal(0, (await mine.GetFromJsonAsync<JsonElement>("/api/v1/agent/conversations")).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await theirs.GetAsync($"/api/v1/agent/conversations/{theirId}")).StatusCode);
    }

    [Fact]
    public async Task AnotherUsersConversationsAndActions_AreNotFound()
    {
        var (_, conversationId, actionId) = await ConversationAsync("api-owner@example.com");
        var intruder = await app.CreateBearerClientAsync("api-intruder@example.com");

        var requests = new Func<Task<HttpResponseMessage>>[]
        {
            () => intruder.GetAsync($"/api/v1/agent/conversations/{conversationId}"),
            () => intruder.PatchAsJsonAsync($"/api/v1/agent/conversations/{conversationId}", new { title = "mine now" }),
            () => intruder.DeleteAsync($"/api/v1/agent/conversations/{conversationId}"),
            () => intruder.GetAsync($"/api/v1/agent/conversations/{conversationId}/actions"),
            () => intruder.GetAsync($"/api/v1/agent/actions/{actionId}"),
            () => intruder.PostAsJsonAsync($"/api/v1/agent/actions/{actionId}/apply", new { confirm = true }),
            () => intruder.PostAsync($"/api/v1/agent/actions/{actionId}/dismiss", null),
        };
        foreach (var request in requests)
        {
            var response = await request();
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("not_found", (await response.ProblemAsync()).Code());
        }

        var stored = await app.Services.GetRequiredService<AgentActions>().GetAsync(await OwnerIdAsync("api-owner@example.com"), actionId);
        Assert.Equal("proposed", stored.Status);
    }

    [Fact]
    public async Task Dismiss_ClosesTheCard_AndApplyAfterwardsIsRefused()
    {
        var (api, conversationId, actionId) = await ConversationAsync("api-dismiss@example.com");

        var dismissed = await (await api.PostAsync($"/api/v1/agent/actions/{actionId}/dismiss", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("dismissed", dismissed.GetProperty("status").GetString());
        var apply = await api.PostAsJsonAsync($"/api/v1/agent/actions/{actionId}/apply", new { confirm = true });
        Assert.Equal(HttpStatusCode.Conflict, apply.StatusCode);
        Assert.Equal("dismissed", (await apply.ProblemAsync()).Code());
        var cards = await api.GetFromJsonAsync<JsonElement>($"/api/v1/agent/conversations/{conversationId}/actions");
        Assert.Equal("dismissed", cards[0].GetProperty("status").GetString());
    }

    /// <summary>A user with a bearer client and one conversation whose answer proposed an action (stored as the agent stores it).</summary>
    private async Task<(HttpClient Api, long ConversationId, long ActionId)> ConversationAsync(string email)
    {
        var api = await app.CreateBearerClientAsync(email);
        var userId = await OwnerIdAsync(email);
        var conversations = app.Services.GetRequiredService<ConversationService>();
        var (conversationId, _) = await conversations.AddUserMessageAsync(userId, null, "How did we do yesterday?");
        await conversations.AddAssistantMessageAsync(userId, conversationId, new AssistantMessage("Spend was $120.", "[]", MessageStatuses.Complete, "offline", 10, 5, 0.5m, null));
        var action = await app.Services.GetRequiredService<AgentActionStore>().AddAsync(new AgentAction
        {
            UserId = userId, ConversationId = conversationId, Tool = "pause_campaign", ArgumentsJson = "{\"campaign_id\":1}",
            EntityType = "campaign", EntityId = 1, EntityName = "Spring", Summary = "Pause campaign Spring",
            ChangesJson = "[{\"field\":\"status\",\"before\":\"active\",\"after\":\"paused\"}]",
        });
        return (api, conversationId, action.Id);
    }

    private async Task<long> OwnerIdAsync(string email) =>
        (await app.Services.GetRequiredService<AdPilot.Core.Users.UserService>().SignInAsync(new AdPilot.Core.Users.ExternalIdentity("dev", email, email, null, null))).Id;
}
