using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdPilot.Core.Actions;
using AdPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AdPilot.Web.Tests.Actions;

public sealed class ActionsApiTests : IClassFixture<AdPilotFactory>
{
    private readonly AdPilotFactory _app;

    public ActionsApiTests(AdPilotFactory app) => _app = app;

    private ActionLogService Log => _app.Services.GetRequiredService<ActionLogService>();

    [Fact]
    public async Task List_OwnEntriesNewestFirst_WithBeforeAndAfter_FilteredByEntityAndSource()
    {
        var (user, http) = await SignedInAsync("actions-list@example.com");
        await RecordAsync(user.Id, ActionSources.Mcp, "pause_campaign", 7, "active", "paused");
        await RecordAsync(user.Id, ActionSources.Agent, "resume_campaign", 7, "paused", "active");
        await RecordAsync(user.Id, ActionSources.Mcp, "pause_campaign", 8, "active", "paused");

        var all = await http.GetFromJsonAsync<JsonElement>("/api/v1/actions");
        var campaign7 = await http.GetFromJsonAsync<JsonElement>("/api/v1/actions?entityType=campaign&entityId=7");
        var fromMcp = await http.GetFromJsonAsync<JsonElement>("/api/v1/actions?source=mcp&pageSize=1&page=2");

        Assert.Equal(3, all.GetProperty("total").GetInt32());
        Assert.Equal([8L, 7L, 7L], all.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("entityId").GetInt64()));
        var newest7 = campaign7.GetProperty("items")[0];
        Assert.Equal(2, campaign7.GetProperty("total").GetInt32());
        Assert.Equal(("resume_campaign", "agent", "paused", "active"), (newest7.GetProperty("action").GetString(), newest7.GetProperty("source").GetString(),
            newest7.GetProperty("before").GetProperty("status").GetString(), newest7.GetProperty("after").GetProperty("status").GetString()));
        Assert.Equal(2, fromMcp.GetProperty("total").GetInt32());
        Assert.Equal(7, Assert.Single(fromMcp.GetProperty("items").EnumerateArray()).GetProperty("entityId").GetInt64());
    }

    [Fact]
    public async Task AnotherUsersEntries_AreNeverListed_AndAre404ById()
    {
        var (owner, _) = await SignedInAsync("actions-owner@example.com");
        var entry = await RecordAsync(owner.Id, ActionSources.Mcp, "pause_campaign", 9, "active", "paused");
        var (_, intruder) = await SignedInAsync("actions-intruder@example.com");

        var listed = await intruder.GetFromJsonAsync<JsonElement>("/api/v1/actions?entityType=campaign&entityId=9");
        using var byId = await intruder.GetAsync($"/api/v1/actions/{entry.Id}");

        Assert.Equal(0, listed.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, byId.StatusCode);
        Assert.Equal("not_found", (await byId.ProblemAsync()).Code());
    }

    [Fact]
    public async Task GetById_OwnEntry_IsReturned()
    {
        var (user, http) = await SignedInAsync("actions-get@example.com");
        var entry = await RecordAsync(user.Id, ActionSources.Mcp, "pause_campaign", 3, "active", "paused");

        var got = await http.GetFromJsonAsync<JsonElement>($"/api/v1/actions/{entry.Id}");

        Assert.Equal(("pause_campaign", "paused"), (got.GetProperty("action").GetString(), got.GetProperty("after").GetProperty("status").GetString()));
    }

    [Fact]
    public async Task BadQuery_IsAValidationProblem()
    {
        var (_, http) = await SignedInAsync("actions-bad@example.com");

        using var response = await http.GetAsync("/api/v1/actions?pageSize=1000");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("validation_failed", problem.Code());
        Assert.True(problem.GetProperty("errors").TryGetProperty("pageSize", out _));
    }

    [Fact]
    public async Task Anonymous_Is401()
    {
        using var http = _app.CreateClient();

        using var response = await http.GetAsync("/api/v1/actions");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Routes_AreInTheOpenApiDocument()
    {
        using var http = _app.CreateClient();

        var paths = (await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");

        Assert.True(paths.GetProperty("/api/v1/actions").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/v1/actions/{id}").TryGetProperty("get", out _));
    }

    private async Task<(McpUser User, HttpClient Http)> SignedInAsync(string email)
    {
        var user = await _app.SignInAsync(email);
        var http = _app.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
        return (user, http);
    }

    private Task<ActionLogView> RecordAsync(long userId, string source, string action, long campaignId, string before, string after) =>
        Log.RecordAsync(userId, new Actor(source, "test"), new ActionRecord(action, "campaign", campaignId, $"Campaign {campaignId}", $"{action} {campaignId}",
            new JsonObject { ["status"] = before }, new JsonObject { ["status"] = after }));
}
