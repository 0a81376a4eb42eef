using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AdPilot.Core.Platforms;
using AdPilot.Web.Tests.Support;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace AdPilot.Web.Tests.Actions;

/// <summary>POST /api/v1/actions/{id}/undo: the undo over HTTP, its ProblemDetails codes, owner scoping, and the effect job's schedule.</summary>
public sealed class ActionsUndoApiTests(UndoHost app) : IClassFixture<UndoHost>
{
    [Fact]
    public async Task Undo_RestoresTheCampaign_ReturnsTheUndoEntry_AndTheOriginalReadsUndone()
    {
        var s = await app.SetUpAsync("undo-api@example.com");
        await using var client = s.Client;
        var resumed = UndoHost.ActionId(await client.SucceedsAsync("resume_campaign", new { campaign_id = s.CampaignId }));
        using var http = Bearer(s.User);

        using var response = await http.PostAsync($"/api/v1/actions/{resumed}/undo", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var undo = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("undo_action", "api", resumed), (undo.GetProperty("action").GetString(), undo.GetProperty("source").GetString(), undo.GetProperty("revertsId").GetInt64()));
        Assert.Equal("paused", undo.GetProperty("after").GetProperty("status").GetString());
        Assert.Equal(PlatformStatus.Paused, (await app.RemoteAsync(s)).Status);
        var original = await http.GetFromJsonAsync<JsonElement>($"/api/v1/actions/{resumed}");
        Assert.Equal((JsonValueKind.String, false), (original.GetProperty("undoneAt").ValueKind, original.GetProperty("canUndo").GetBoolean()));
    }

    [Fact]
    public async Task Undo_Refusals_AreProblemDetailsWithTheirCodes_AndAnotherUsersEntryIs404()
    {
        var s = await app.SetUpAsync("undo-api-refused@example.com");
        await using var client = s.Client;
        var creation = (await client.SucceedsAsync("get_actions")).GetProperty("items")[0].GetProperty("id").GetInt64();
        var resumed = UndoHost.ActionId(await client.SucceedsAsync("resume_campaign", new { campaign_id = s.CampaignId }));
        var renamed = UndoHost.ActionId(await client.SucceedsAsync("update_campaign", new { campaign_id = s.CampaignId, name = "Cyber Monday" }));
        await client.SucceedsAsync("update_campaign", new { campaign_id = s.CampaignId, name = "Winter" });
        using var http = Bearer(s.User);
        using var stranger = Bearer(await app.SignInAsync("undo-api-stranger@example.com"));

        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync($"/api/v1/actions/{resumed}/undo", null)).StatusCode);
        var cases = new (HttpClient Http, long Id, HttpStatusCode Status, string Code)[]
        {
            (http, resumed, HttpStatusCode.Conflict, "already_undone"),
            (http, creation, HttpStatusCode.Conflict, "not_undoable"),
            (http, renamed, HttpStatusCode.Conflict, "entity_changed"),
            (http, 987_654_321, HttpStatusCode.NotFound, "not_found"),
            (stranger, renamed, HttpStatusCode.NotFound, "not_found"),
        };
        foreach (var (caller, id, status, code) in cases)
        {
            using var response = await caller.PostAsync($"/api/v1/actions/{id}/undo", null);
            Assert.Equal(status, response.StatusCode);
            var problem = await response.ProblemAsync();
            Assert.Equal(code, problem.Code());
            Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        }

        using var changed = await http.PostAsync($"/api/v1/actions/{renamed}/undo", null);
        Assert.Contains("name is now Winter (this action set Cyber Monday)", (await changed.ProblemAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Winter", (await app.RemoteAsync(s)).Name);
    }

    [Fact]
    public async Task UndoRoute_IsInTheOpenApiDocument_AndTheEffectJobIsScheduledHourly()
    {
        using var http = app.CreateClient();

        var paths = (await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");

        Assert.True(paths.GetProperty("/api/v1/actions/{id}/undo").TryGetProperty("post", out _));
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = Assert.Single(Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection), j => j.Id == "actions:measure-effects");
        Assert.Equal("20 * * * *", job.Cron);
    }

    private HttpClient Bearer(McpUser user)
    {
        var http = app.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
        return http;
    }
}
