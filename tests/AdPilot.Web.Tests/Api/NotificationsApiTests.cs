using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdPilot.Core.Notifications;
using AdPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AdPilot.Web.Tests.Api;

public sealed class NotificationsApiTests(AdPilotFactory factory) : IClassFixture<AdPilotFactory>
{
    [Fact]
    public async Task List_UnreadCount_MarkRead_ReadAll_AndAnotherUsersIdIs404()
    {
        var client = factory.CreateClient();
        await client.SignInAsync("notes@example.com");
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/users/me");
        var service = factory.Services.GetRequiredService<NotificationService>();
        var userId = me.GetProperty("id").GetInt64();
        var (first, _) = await service.CreateAsync(userId, new CreateNotificationRequest { Title = "Sync failed", Type = NotificationType.Important, Category = NotificationCategories.SyncFailed });
        await service.CreateAsync(userId, new CreateNotificationRequest { Title = "Weekly report", Category = NotificationCategories.ReportReady });

        Assert.Equal(2, (await client.GetFromJsonAsync<JsonElement>("/api/v1/notifications/unread-count")).GetProperty("count").GetInt32());
        var important = await client.GetFromJsonAsync<JsonElement>("/api/v1/notifications?type=important");
        Assert.Equal("Sync failed", Assert.Single(important.GetProperty("items").EnumerateArray()).GetProperty("title").GetString());

        (await client.PostAsync($"/api/v1/notifications/{first.Id}/read", null)).EnsureSuccessStatusCode();
        Assert.Equal(1, (await client.GetFromJsonAsync<JsonElement>("/api/v1/notifications/unread-count")).GetProperty("count").GetInt32());

        var intruder = factory.CreateClient();
        await intruder.SignInAsync("intruder-notes@example.com");
        var stolen = await intruder.PostAsync($"/api/v1/notifications/{first.Id}/read", null);
        Assert.Equal(HttpStatusCode.NotFound, stolen.StatusCode);
        Assert.Equal("not_found", (await stolen.ProblemAsync()).Code());

        (await client.PostAsync("/api/v1/notifications/read-all", null)).EnsureSuccessStatusCode();
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/v1/notifications/unread-count")).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Preferences_RoundTrip_AndBadCategoryIsAProblem()
    {
        var client = factory.CreateClient();
        await client.SignInAsync("prefs@example.com");

        var saved = await client.PutAsJsonAsync("/api/v1/notifications/preferences", new { categories = new[] { new { category = "report_ready", channels = "email" } } });
        var bad = await client.PutAsJsonAsync("/api/v1/notifications/preferences", new { categories = new[] { new { category = "pizza", channels = "email" } } });

        saved.EnsureSuccessStatusCode();
        var prefs = await client.GetFromJsonAsync<JsonElement>("/api/v1/notifications/preferences");
        Assert.Equal("email", prefs.GetProperty("categories").EnumerateArray().Single(p => p.GetProperty("category").GetString() == "report_ready").GetProperty("channels").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("validation_failed", (await bad.ProblemAsync()).Code());
    }
}
