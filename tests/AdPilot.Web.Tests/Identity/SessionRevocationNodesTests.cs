using System.Net;
using System.Net.Http.Json;
using AdPilot.Web.Tests.Support;

namespace AdPilot.Web.Tests.Identity;

/// <summary>Two nodes sharing the database and Redis: a logout on one ends the access token on the other at once.</summary>
public sealed class SessionRevocationNodesTests
{
    [RealServersFact]
    public async Task Logout_OnOneNode_TheOtherNodeRefusesTheAccessTokenAtOnce()
    {
        var database = "adpilot_revoke_" + Guid.NewGuid().ToString("N")[..12];
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
            var a = nodeA.CreateClient();
            var tokens = await a.SignInAsync($"revoke-{Guid.NewGuid():N}@example.com");
            var b = nodeB.CreateClient();
            b.DefaultRequestHeaders.Authorization = a.DefaultRequestHeaders.Authorization;
            Assert.Equal(HttpStatusCode.OK, (await b.GetAsync("/api/v1/users/me")).StatusCode); // B now caches the session as live

            (await a.PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = tokens.RefreshToken })).EnsureSuccessStatusCode();

            // Pub/sub delivery is asynchronous: allow it a moment, far below the 30 s snapshot lifetime.
            var deadline = DateTime.UtcNow.AddSeconds(10);
            HttpStatusCode status;
            while ((status = (await b.GetAsync("/api/v1/users/me")).StatusCode) == HttpStatusCode.OK && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            Assert.Equal(HttpStatusCode.Unauthorized, status);
        }
        finally
        {
            await RealServers.DropDatabaseAsync(database);
        }
    }
}
