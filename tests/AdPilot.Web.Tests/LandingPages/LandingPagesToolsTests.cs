using System.Net;
using System.Text.Json;
using AdPilot.Core.Actions;
using AdPilot.Core.LandingPages;
using AdPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AdPilot.Web.Tests.LandingPages;

public sealed class LandingPagesToolsTests(AdPilotFactory app) : IClassFixture<AdPilotFactory>
{

    private Task<McpUser> UserAsync(string name) => app.SignInAsync($"mcp-lp-{name}-{Guid.NewGuid():N}@example.com");

    private async Task<int> ActionCountAsync(long userId) =>
        (await app.Services.GetRequiredService<ActionLogService>().ListAsync(userId, new ActionLogQuery { EntityType = "landing_page" })).Total;

    [Fact]
    public async Task Create_DryRunThenApply_Update_Publish_ListGet_AreLoggedAndNotUndoable()
    {
        var user = await UserAsync("flow");
        await using var client = await app.ConnectMcpAsync(user.AccessToken);
        var slug = LandingPageSeed.Slug("tool");

        var preview = await client.SucceedsAsync("create_landing_page", new { name = "Webinar", slug, template = "webinar_signup", dry_run = true });
        Assert.True(preview.GetProperty("dry_run").GetBoolean());
        Assert.Equal(0, await ActionCountAsync(user.Id));
        var created = await client.SucceedsAsync("create_landing_page", new { name = "Webinar", slug, template = "webinar_signup" });
        var id = created.GetProperty("result").GetProperty("id").GetInt64();

        var updated = await client.SucceedsAsync("update_landing_page", new { landing_page_id = id, name = "Webinar 2", notify_on_lead = false });
        Assert.Equal(["name", "notify_on_lead"], updated.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("field").GetString()).Order());
        var published = await client.SucceedsAsync("publish_landing_page", new { landing_page_id = id });
        Assert.Equal("published", published.GetProperty("result").GetProperty("status").GetString());
        var url = published.GetProperty("result").GetProperty("published_url").GetString()!;
        Assert.StartsWith("http://localhost/p/", url, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync(new Uri(url).PathAndQuery)).StatusCode);

        var listed = await client.SucceedsAsync("get_landing_pages", new { status = "published", search = slug, page_size = 5 });
        Assert.Equal(id, Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64());
        var page = await client.SucceedsAsync("get_landing_page", new { landing_page_id = id });
        Assert.Equal("Webinar 2", page.GetProperty("name").GetString());
        Assert.True(page.GetProperty("document").GetProperty("blocks").GetArrayLength() > 0);
        Assert.Equal(0, page.GetProperty("totals").GetProperty("views").GetInt64());

        var log = await app.Services.GetRequiredService<ActionLogService>().ListAsync(user.Id, new ActionLogQuery { EntityType = "landing_page" });
        Assert.Equal(["publish_landing_page", "update_landing_page", "create_landing_page"], log.Items.Select(a => a.Action));
        Assert.All(log.Items, a => Assert.Equal(id, a.EntityId));
        Assert.All(log.Items, a => Assert.False(a.CanUndo));
    }

    [Fact]
    public async Task UnpublishAndDelete_NeedConfirm_AndChangeNothingWithout()
    {
        var user = await UserAsync("confirm");
        await using var client = await app.ConnectMcpAsync(user.AccessToken);
        var id = await LandingPageSeed.PageAsync(app.Services, user.Id, LandingPageSeed.Slug("live"));

        var preview = await client.SucceedsAsync("unpublish_landing_page", new { landing_page_id = id, dry_run = true });
        Assert.False(string.IsNullOrEmpty(preview.GetProperty("confirm_because").GetString()));
        await client.FailsAsync("unpublish_landing_page", new { landing_page_id = id }, "confirmation_required");
        await client.FailsAsync("delete_landing_page", new { landing_page_id = id }, "confirmation_required");
        Assert.Equal(LandingPageStatus.Published, (await app.Services.GetRequiredService<LandingPageService>().GetAsync(user.Id, id)).Status);
        Assert.Equal(0, await ActionCountAsync(user.Id));

        var unpublished = await client.SucceedsAsync("unpublish_landing_page", new { landing_page_id = id, confirm = true });
        Assert.NotEqual("published", unpublished.GetProperty("result").GetProperty("status").GetString());
        var deleted = await client.SucceedsAsync("delete_landing_page", new { landing_page_id = id, confirm = true });
        Assert.True(deleted.GetProperty("applied").GetBoolean());
        await client.FailsAsync("get_landing_page", new { landing_page_id = id }, "not_found");
        Assert.Equal(2, await ActionCountAsync(user.Id));
    }

    [Fact]
    public async Task Leads_ArePaged_NewestFirst()
    {
        var user = await UserAsync("leads");
        await using var client = await app.ConnectMcpAsync(user.AccessToken);
        var slug = LandingPageSeed.Slug("leads");
        var id = await LandingPageSeed.PageAsync(app.Services, user.Id, slug);
        var tracking = app.Services.GetRequiredService<LandingPageTracking>();
        foreach (var name in new[] { "Ada", "Grace", "Edsger" })
        {
            await tracking.SubmitLeadAsync(slug, new Dictionary<string, string> { ["name"] = name, ["email"] = $"{name.ToLowerInvariant()}@example.com" }, new Visitor(LandingPageSeed.Browser, null));
        }

        var first = await client.SucceedsAsync("get_landing_page_leads", new { landing_page_id = id, page_size = 2 });
        var second = await client.SucceedsAsync("get_landing_page_leads", new { landing_page_id = id, page_size = 2, cursor = first.GetProperty("next_cursor").GetString() });

        Assert.Equal(3, first.GetProperty("total").GetInt32());
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Single(second.GetProperty("items").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next_cursor").ValueKind);
        Assert.Equal(3, first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(l => l.GetProperty("fields").GetProperty("name").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task BadInput_IsAValidationError()
    {
        var user = await UserAsync("bad");
        await using var client = await app.ConnectMcpAsync(user.AccessToken);

        await client.FailsAsync("create_landing_page", new { name = "X", slug = "Not A Slug!" }, "validation_failed");
        await client.FailsAsync("get_landing_pages", new { page_size = 500 }, "validation_failed");
        await client.FailsAsync("get_landing_page_leads", new { landing_page_id = 1, cursor = "bogus" }, "validation_failed");
    }

    [Fact]
    public async Task EveryToolWithAnId_AnotherUsersPage_IsNotFound_AndUntouched()
    {
        var owner = await UserAsync("owner");
        var other = await UserAsync("other");
        var id = await LandingPageSeed.PageAsync(app.Services, owner.Id, LandingPageSeed.Slug("owned"));
        await using var client = await app.ConnectMcpAsync(other.AccessToken);

        await client.FailsAsync("get_landing_page", new { landing_page_id = id }, "not_found");
        await client.FailsAsync("update_landing_page", new { landing_page_id = id, name = "Stolen" }, "not_found");
        await client.FailsAsync("delete_landing_page", new { landing_page_id = id, confirm = true }, "not_found");
        await client.FailsAsync("publish_landing_page", new { landing_page_id = id }, "not_found");
        await client.FailsAsync("unpublish_landing_page", new { landing_page_id = id, confirm = true }, "not_found");
        await client.FailsAsync("get_landing_page_leads", new { landing_page_id = id }, "not_found");

        var page = await app.Services.GetRequiredService<LandingPageService>().GetAsync(owner.Id, id);
        Assert.Equal(("Page " + page.Slug, LandingPageStatus.Published), (page.Name, page.Status));
        Assert.Equal(0, await ActionCountAsync(other.Id));
    }

    [Fact]
    public async Task ReadOnlyToken_MayReadLeads_ButNotWrite()
    {
        var user = await UserAsync("readonly");
        var id = await LandingPageSeed.PageAsync(app.Services, user.Id, LandingPageSeed.Slug("ro"));
        await using var client = await app.ConnectMcpAsync(await app.CreatePatAsync(user.Id, AdPilot.Core.Identity.AccessScopes.Read));

        await client.SucceedsAsync("get_landing_page_leads", new { landing_page_id = id });
        await client.FailsAsync("publish_landing_page", new { landing_page_id = id }, "insufficient_scope");
    }
}
