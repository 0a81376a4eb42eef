using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdPilot.Web.Tests.Support;

namespace AdPilot.Web.Tests.Identity;

/// <summary>Two nodes sharing the database and Redis: a session signed out on one is refused on the other at once.</summary>
public sealed class SessionsNodesTests
{
    [RealServersFact]
    public async Task DeleteSession_OnOneNode_TheOtherNodeRefusesItsCookieAndAccessToken()
    {
        var database = "adpilot_sessions_" + Guid.NewGuid().ToString("N")[..12];
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "MySql",
            ["ConnectionStrings:AdPilot"] = $"{RealServers.MySql!.TrimEnd(';')};Database={database}",
            ["ConnectionStrings:Redis"] = RealServers.Redis,
            ["Auth:Jwt:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["RateLimit:PermitsPerMinute"] = "1000",
            ["Jobs:RedisPrefix"] = $"adpilot-test:{database}:",
        };
        await using var nodeA = AdPilotFactory.With(settings: settings);
        await using var nodeB = AdPilotFactory.With(settings: settings);
        try
        {
            var email = $"nodes-{Guid.NewGuid():N}@example.com";
            var admin = nodeA.CreateClient();
            await admin.SignInAsync(email);
            var script = nodeB.CreateClient();
            await script.SignInAsync(email);
            var browser = nodeB.CreateClient();
            (await browser.PostDevLoginAsync(email)).EnsureSuccessStatusCode();
            Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/v1/users/me")).StatusCode); // B caches both sessions as live
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/users/me")).StatusCode);

            var sessions = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/users/me/sessions")).GetProperty("items").EnumerateArray()
                .Where(s => !s.GetProperty("current").GetBoolean()).Select(s => s.GetProperty("id").GetString()).ToList();
            Assert.Equal(2, sessions.Count);
            foreach (var id in sessions)
            {
                Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/users/me/sessions/{id}")).StatusCode);
            }

            // Pub/sub delivery is asynchronous: allow it a moment, far below the 30 s snapshot lifetime.
            Assert.Equal(HttpStatusCode.Unauthorized, await RefusedSoonAsync(script));
            Assert.Equal(HttpStatusCode.Unauthorized, await RefusedSoonAsync(browser));
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/users/me")).StatusCode);
        }
        finally
        {
            await RealServers.DropDatabaseAsync(database);
        }
    }

    private static async Task<HttpStatusCode> RefusedSoonAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        HttpStatusCode status;
        while ((status = (await client.GetAsync("/api/v1/users/me")).StatusCode) == HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        return status;
    }
}
