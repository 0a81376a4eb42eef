using System.Text.Json;
using AdPilot.Core.Identity;
using AdPilot.Web.Tests.Support;
using Xunit;

namespace AdPilot.Web.Tests.Mcp;

public sealed class NotificationsToolsTests(AdPilotFactory app) : IClassFixture<AdPilotFactory>
{
    [Fact]
    public async Task CreateListMarkRead_ForTheCallerOnly()
    {
        var user = await app.SignInAsync("mcp-notify@example.com");
        await using var client = await app.ConnectMcpAsync(user.AccessToken);
        var unreadBefore = (await client.SucceedsAsync("get_unread_count")).GetProperty("count").GetInt32();

        var created = await client.SucceedsAsync("create_notification", new { title = "Weekly review ready", body = "CPA fell 12 %.", type = "important", category = "report_ready", link = "/reports", dedupe_key = "review:w48" });
        var again = await client.SucceedsAsync("create_notification", new { title = "Weekly review ready", dedupe_key = "review:w48" });
        var id = created.GetProperty("notification").GetProperty("id").GetInt64();

        Assert.Equal((true, false, id), (created.GetProperty("created").GetBoolean(), again.GetProperty("created").GetBoolean(), again.GetProperty("notification").GetProperty("id").GetInt64()));
        Assert.Equal("important", created.GetProperty("notification").GetProperty("type").GetString());
        Assert.Equal(unreadBefore + 1, (await client.SucceedsAsync("get_unread_count")).GetProperty("count").GetInt32());
        var unread = await client.SucceedsAsync("get_notifications", new { is_read = false, category = "report_ready", type = "important" });
        Assert.Equal(id, Assert.Single(unread.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64());

        var read = await client.SucceedsAsync("mark_notification_read", new { notification_id = id });
        await client.SucceedsAsync("mark_notification_read", new { notification_id = id });

        Assert.True(read.GetProperty("is_read").GetBoolean());
        Assert.Equal(unreadBefore, (await client.SucceedsAsync("get_unread_count")).GetProperty("count").GetInt32());
        Assert.Equal(0, (await client.SucceedsAsync("get_notifications", new { is_read = false, category = "report_ready" })).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task GetNotifications_PagesWithCursors()
    {
        var user = await app.SignInAsync("mcp-notify-pages@example.com");
        await using var client = await app.ConnectMcpAsync(user.AccessToken);
        foreach (var title in new[] { "One", "Two", "Three" })
        {
            await client.SucceedsAsync("create_notification", new { title, category = "anomaly" });
        }

        var first = await client.SucceedsAsync("get_notifications", new { category = "anomaly", page_size = 2, newest_first = false });
        var second = await client.SucceedsAsync("get_notifications", new { category = "anomaly", page_size = 2, newest_first = false, cursor = first.GetProperty("next_cursor").GetString() });

        Assert.Equal(["One", "Two"], first.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("title").GetString()));
        Assert.Equal("Three", Assert.Single(second.GetProperty("items").EnumerateArray()).GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next_cursor").ValueKind);
    }

    [Theory]
    [InlineData("", null, "general")]
    [InlineData("Title", "//evil.example/login", "general")] // a link leads into AdPilot, never to another site
    [InlineData("Title", "https://evil.example", "general")]
    [InlineData("Title", null, "shouting")]
    public async Task CreateNotification_InvalidArguments_AreValidationFailed(string title, string? link, string type)
    {
        var user = await app.SignInAsync("mcp-notify-invalid@example.com");
        await using var client = await app.ConnectMcpAsync(user.AccessToken);

        await client.FailsAsync("create_notification", new { title, link, type }, code: "validation_failed");
    }

    [Fact]
    public async Task MarkNotificationRead_OtherUsersNotification_IsNotFound_AndStaysUnread()
    {
        var owner = await app.SignInAsync("mcp-notify-owner@example.com");
        await using var ownerClient = await app.ConnectMcpAsync(owner.AccessToken);
        var id = (await ownerClient.SucceedsAsync("create_notification", new { title = "Mine", category = "sync_failed" })).GetProperty("notification").GetProperty("id").GetInt64();
        var stranger = await app.SignInAsync("mcp-notify-stranger@example.com");
        await using var client = await app.ConnectMcpAsync(stranger.AccessToken);

        await client.FailsAsync("mark_notification_read", new { notification_id = id }, code: "not_found");

        Assert.Equal(0, (await client.SucceedsAsync("get_notifications", new { category = "sync_failed" })).GetProperty("total").GetInt32());
        var owners = await ownerClient.SucceedsAsync("get_notifications", new { category = "sync_failed", is_read = false });
        Assert.Equal(id, Assert.Single(owners.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task ReadOnlyPat_ReadsNotifications_ButCannotCreateOrMarkRead()
    {
        var user = await app.SignInAsync("mcp-notify-readonly@example.com");
        await using var writer = await app.ConnectMcpAsync(user.AccessToken);
        var id = (await writer.SucceedsAsync("create_notification", new { title = "Hello" })).GetProperty("notification").GetProperty("id").GetInt64();
        await using var client = await app.ConnectMcpAsync(await app.CreatePatAsync(user.Id, AccessScopes.Read));

        await client.SucceedsAsync("get_notifications");
        var unread = (await client.SucceedsAsync("get_unread_count")).GetProperty("count").GetInt32();
        await client.FailsAsync("create_notification", new { title = "Spam" }, code: "insufficient_scope");
        await client.FailsAsync("mark_notification_read", new { notification_id = id }, code: "insufficient_scope");

        Assert.Equal(unread, (await client.SucceedsAsync("get_unread_count")).GetProperty("count").GetInt32());
    }
}
