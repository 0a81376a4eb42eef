using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdPilot.Web.Tests.Support;

namespace AdPilot.Web.Tests.Api;

public sealed class UsersApiTests(AdPilotFactory factory) : IClassFixture<AdPilotFactory>
{
    [Fact]
    public async Task GetMe_ReturnsTheSignedInUser()
    {
        var client = factory.CreateClient();
        await client.SignInAsync("Me@Example.com");

        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/users/me");

        Assert.Equal("me@example.com", me.GetProperty("email").GetString());
        Assert.Equal("user", me.GetProperty("role").GetString());
        Assert.Equal("en", me.GetProperty("language").GetString());
        Assert.True(me.GetProperty("id").GetInt64() > 0);
    }

    [Fact]
    public async Task PatchMe_ValidChanges_AreSavedAndSetTheLanguageCookie()
    {
        var client = factory.CreateClient();
        await client.SignInAsync("patch@example.com");

        var response = await client.PatchAsJsonAsync("/api/v1/users/me", new { name = "Lin", language = "zh-CN", timeZone = "Asia/Shanghai", avatarUrl = "https://example.com/a.png" });

        response.EnsureSuccessStatusCode();
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=c%3Dzh-CN", StringComparison.Ordinal));
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/users/me");
        Assert.Equal("Lin", me.GetProperty("name").GetString());
        Assert.Equal("zh-CN", me.GetProperty("language").GetString());
        Assert.Equal("Asia/Shanghai", me.GetProperty("timeZone").GetString());
    }

    [Fact]
    public async Task PatchMe_InvalidTimeZone_IsValidationProblemAndChangesNothing()
    {
        var client = factory.CreateClient();
        await client.SignInAsync("tz@example.com");

        var response = await client.PatchAsJsonAsync("/api/v1/users/me", new { name = "Changed", timeZone = "Moon/Base" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("validation_failed", problem.Code());
        Assert.Contains("IANA", problem.GetProperty("errors").GetProperty("timeZone")[0].GetString(), StringComparison.Ordinal);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/users/me");
        Assert.Equal("UTC", me.GetProperty("timeZone").GetString());
        Assert.Equal(JsonValueKind.Null, me.GetProperty("name").ValueKind);
    }

    [Fact]
    public async Task TwoUsers_EachSeeOnlyTheirOwnProfile()
    {
        var alice = factory.CreateClient();
        var bob = factory.CreateClient();
        await alice.SignInAsync("alice@example.com");
        await bob.SignInAsync("bob@example.com");
        await alice.PatchAsJsonAsync("/api/v1/users/me", new { name = "Alice" });

        var bobsView = await bob.GetFromJsonAsync<JsonElement>("/api/v1/users/me");

        Assert.Equal("bob@example.com", bobsView.GetProperty("email").GetString());
        Assert.Equal(JsonValueKind.Null, bobsView.GetProperty("name").ValueKind);
    }

    [Fact]
    public async Task ConcurrentFirstSignIns_MakeOneUser()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            var client = factory.CreateClient();
            await client.SignInAsync("twice@example.com");
            return await client.GetFromJsonAsync<JsonElement>("/api/v1/users/me");
        }));

        Assert.Single(responses.Select(r => r.GetProperty("id").GetInt64()).Distinct());
    }

    [Fact]
    public async Task DevToken_InvalidEmail_IsValidationProblem()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/dev-token", new { email = "not-an-email" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty("email", out _));
    }
}
