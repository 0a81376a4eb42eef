using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AdPilot.Core.Actions;
using AdPilot.Core.Creatives;
using AdPilot.Core.Data;
using AdPilot.Core.Identity;
using AdPilot.Web.Tests.Fakes;
using AdPilot.Web.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AdPilot.Web.Tests.Mcp;

/// <summary>The app with the URL fetcher allowed to reach this test's loopback file server (a test-only setting).</summary>
public sealed class LoopbackFetchFactory() : AdPilotFactory("Development", new Dictionary<string, string?> { ["SafeFetch:TestOnlyAllowedNetworks:0"] = "127.0.0.1/32" });

public sealed class CreativesToolsTests(LoopbackFetchFactory app) : IClassFixture<LoopbackFetchFactory>
{
    private async Task<long> UploadAsync(McpUser user, string name, int height = 600) =>
        (await app.Services.GetRequiredService<CreativeService>().UploadAsync(user.Id, new MemoryStream(TestImages.Png(600, height)), name + ".png", new CreateCreativeRequest { Name = name })).Id;

    /// <summary>Everything a deletion could touch: the user's creative rows with their tags, stored files and action-log entries.</summary>
    private async Task<string> StateAsync(long userId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var rows = await db.Creatives.AsNoTracking().Include(c => c.Tags).Where(c => c.UserId == userId).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Name, c.Status, c.StorageKey, c.UpdatedAt, Tags = c.Tags.Select(t => t.Tag).ToList() }).ToListAsync();
        var folder = Path.Combine(app.DataDirectory, "files", "u", userId.ToString());
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order().ToArray() : [];
        var actions = (await app.Services.GetRequiredService<ActionLogService>().ListAsync(userId, new ActionLogQuery())).Total;
        return JsonSerializer.Serialize(new { rows, files, actions });
    }

    [Fact]
    public async Task UploadUrl_PutTheBytes_ThenCreateCreative_GetListUpdate()
    {
        var user = await app.SignInAsync("mcp-creative-upload@example.com");
        await using var client = await app.ConnectMcpAsync(user.AccessToken);
        var png = TestImages.Png(1080, 1920);

        var ticket = await client.SucceedsAsync("get_upload_url", new { content_type = "image/png", size = png.Length });
        using var put = new HttpRequestMessage(HttpMethod.Put, ticket.GetProperty("upload_url").GetString()) { Content = new ByteArrayContent(png) };
        foreach (var header in ticket.GetProperty("headers").EnumerateObject())
        {
            put.Content.Headers.TryAddWithoutValidation(header.Name, header.Value.GetString());
        }

        Assert.StartsWith("http://localhost/", ticket.GetProperty("upload_url").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().SendAsync(put)).StatusCode);
        var created = await client.SucceedsAsync("create_creative", new { upload_key = ticket.GetProperty("upload_key").GetString(), name = "Story", tags = new[] { "summer" } });
        var id = created.GetProperty("id").GetInt64();

        Assert.Equal(("Story", "image", 1920), (created.GetProperty("name").GetString(), created.GetProperty("type").GetString(), created.GetProperty("height").GetInt32()));
        Assert.Equal(png, await app.CreateClient().GetByteArrayAsync(created.GetProperty("url").GetString()));
        Assert.Equal(id, (await client.SucceedsAsync("get_creative", new { creative_id = id })).GetProperty("id").GetInt64());
        var listed = await client.SucceedsAsync("get_creatives", new { search = "Sto", tags = new[] { "summer" }, type = "image" });
        Assert.Equal(id, Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64());
        var updated = await client.SucceedsAsync("update_creative", new { creative_id = id, name = "Story v2", status = "archived", tags = Array.Empty<string>() });
        Assert.Equal(("Story v2", "archived", 0), (updated.GetProperty("name").GetString(), updated.GetProperty("status").GetString(), updated.GetProperty("tags").GetArrayLength()));
    }

    [Fact]
    public async Task GetCreatives_PagesWithCursors()
    {
        var user = await app.SignInAsync("mcp-creative-pages@example.com");
        await UploadAsync(user, "First");
        await UploadAsync(user, "Second");
        await using var client = await app.ConnectMcpAsync(user.AccessToken);

        var first = await client.SucceedsAsync("get_creatives", new { page_size = 1, sort = "name" });
        var second = await client.SucceedsAsync("get_creatives", new { page_size = 1, sort = "name", cursor = first.GetProperty("next_cursor").GetString() });

        Assert.Equal((2, "First"), (first.GetProperty("total").GetInt32(), first.GetProperty("items")[0].GetProperty("name").GetString()));
        Assert.Equal("Second", second.GetProperty("items")[0].GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next_cursor").ValueKind);
        await client.FailsAsync("get_creatives", new { cursor = "not-ours" }, code: "validation_failed");
        await client.FailsAsync("get_creatives", new { page_size = 500 }, code: "validation_failed");
    }

    [Fact]
    public async Task CreateCreative_FromUrl_IsFetchedThroughTheGuard()
    {
        var user = await app.SignInAsync("mcp-creative-url@example.com");
        await using var files = await PngServer.StartAsync(TestImages.Png(800, 800));
        await using var client = await app.ConnectMcpAsync(user.AccessToken);

        var created = await client.SucceedsAsync("create_creative", new { url = files.BaseUrl + "/assets/banner.png" });

        Assert.Equal(("banner", 800), (created.GetProperty("name").GetString(), created.GetProperty("width").GetInt32()));
        var metadata = await client.FailsAsync("create_creative", new { url = "http://169.254.169.254/latest/meta-data/" }, code: "url_not_allowed");
        Assert.Contains("cloud metadata", metadata.GetProperty("errors").GetProperty("url")[0].GetString(), StringComparison.Ordinal);
        await client.FailsAsync("create_creative", new { url = "file:///etc/passwd" }, code: "url_not_allowed");
        await client.FailsAsync("create_creative", new { }, code: "validation_failed");
        await client.FailsAsync("create_creative", new { url = files.BaseUrl + "/a.png", upload_key = "uploads/1/x.png" }, code: "validation_failed");
    }

    [Fact]
    public async Task DeleteCreative_DryRunAndUnconfirmed_ChangeNothing_ConfirmedIsDeletedAndLogged()
    {
        var user = await app.SignInAsync("mcp-creative-delete@example.com");
        var id = await UploadAsync(user, "Old banner");
        await using var client = await app.ConnectMcpAsync(user.AccessToken);
        var before = await StateAsync(user.Id);

        var preview = await client.SucceedsAsync("delete_creative", new { creative_id = id, dry_run = true });
        Assert.Equal(before, await StateAsync(user.Id));
        var refused = await client.FailsAsync("delete_creative", new { creative_id = id }, code: "confirmation_required");
        Assert.Equal(before, await StateAsync(user.Id));
        var applied = await client.SucceedsAsync("delete_creative", new { creative_id = id, confirm = true });

        Assert.Equal((true, false), (preview.GetProperty("dry_run").GetBoolean(), preview.GetProperty("applied").GetBoolean()));
        Assert.Contains("Old banner", preview.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains("confirm: true", refused.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(applied.GetProperty("applied").GetBoolean());
        var entry = await app.Services.GetRequiredService<ActionLogService>().GetAsync(user.Id, applied.GetProperty("action_id").GetInt64());
        Assert.Equal(("delete", "creative", id, ActionSources.Mcp), (entry.Action, entry.EntityType, entry.EntityId, entry.Source));
        Assert.Equal("Old banner", entry.Before!["name"]!.GetValue<string>());
        await client.FailsAsync("get_creative", new { creative_id = id }, code: "not_found");
    }

    [Fact]
    public async Task EveryToolTakingAnId_OtherUsersCreative_IsNotFound()
    {
        var owner = await app.SignInAsync("mcp-creative-owner@example.com");
        var id = await UploadAsync(owner, "Mine");
        await using var ownerClient = await app.ConnectMcpAsync(owner.AccessToken);
        var ticket = await ownerClient.SucceedsAsync("get_upload_url", new { content_type = "image/png", size = 100 });
        var stranger = await app.SignInAsync("mcp-creative-stranger@example.com");
        await using var client = await app.ConnectMcpAsync(stranger.AccessToken);
        var before = await StateAsync(owner.Id);

        await client.FailsAsync("get_creative", new { creative_id = id }, code: "not_found");
        await client.FailsAsync("update_creative", new { creative_id = id, name = "Theirs" }, code: "not_found");
        await client.FailsAsync("delete_creative", new { creative_id = id, dry_run = true }, code: "not_found");
        await client.FailsAsync("delete_creative", new { creative_id = id, confirm = true }, code: "not_found");
        await client.FailsAsync("create_creative", new { upload_key = ticket.GetProperty("upload_key").GetString() }, code: "not_found");
        Assert.Equal(0, (await client.SucceedsAsync("get_creatives")).GetProperty("total").GetInt32());
        Assert.Equal(before, await StateAsync(owner.Id));
    }

    [Fact]
    public async Task ReadOnlyPat_ReadsCreatives_ButCannotCallTheWriteTools()
    {
        var user = await app.SignInAsync("mcp-creative-readonly@example.com");
        var id = await UploadAsync(user, "Kept");
        await using var client = await app.ConnectMcpAsync(await app.CreatePatAsync(user.Id, AccessScopes.Read));

        await client.SucceedsAsync("get_creatives");
        await client.SucceedsAsync("get_creative", new { creative_id = id });
        await client.FailsAsync("get_upload_url", new { content_type = "image/png", size = 10 }, code: "insufficient_scope");
        await client.FailsAsync("create_creative", new { url = "https://example.com/a.png" }, code: "insufficient_scope");
        await client.FailsAsync("update_creative", new { creative_id = id, name = "Changed" }, code: "insufficient_scope");
        await client.FailsAsync("delete_creative", new { creative_id = id, confirm = true }, code: "insufficient_scope");
        Assert.Equal("Kept", (await client.SucceedsAsync("get_creative", new { creative_id = id })).GetProperty("name").GetString());
    }

    [Fact]
    public async Task GetUploadUrl_UnsupportedTypeOrSize_IsValidationFailed()
    {
        var user = await app.SignInAsync("mcp-creative-badupload@example.com");
        await using var client = await app.ConnectMcpAsync(user.AccessToken);

        await client.FailsAsync("get_upload_url", new { content_type = "application/pdf", size = 100 }, code: "validation_failed");
        await client.FailsAsync("get_upload_url", new { content_type = "image/png", size = 0 }, code: "validation_failed");
        await client.FailsAsync("get_upload_url", new { content_type = "image/png", size = 1L << 40 }, code: "validation_failed");
        await client.FailsAsync("update_creative", new { creative_id = 1, status = "processing" }, code: "validation_failed");
    }

    /// <summary>A public-looking file host on loopback: serves a PNG at any path.</summary>
    private sealed class PngServer(byte[] png) : FakeApiServer
    {
        public static async Task<PngServer> StartAsync(byte[] png)
        {
            var server = new PngServer(png);
            await server.StartAsync();
            return server;
        }

        protected override async Task HandleAsync(HttpContext context, string body)
        {
            context.Response.ContentType = "image/png";
            await context.Response.Body.WriteAsync(png);
        }
    }
}
