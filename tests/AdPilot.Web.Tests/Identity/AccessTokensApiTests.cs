using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AdPilot.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AdPilot.Web.Tests.Identity;

public sealed class AccessTokensApiTests(AdPilotFactory app) : IClassFixture<AdPilotFactory>
{
    private const string Tokens = "/api/v1/users/me/tokens";

    [Fact]
    public async Task Create_ReturnsTheSecretOnce_AndListNeverDoes()
    {
        var api = app.CreateClient();
        await api.SignInAsync("pat-create@example.com");

        var response = await api.PostAsJsonAsync(Tokens, new { name = "Claude Desktop", scopes = new[] { "read", "write" }, expiresInDays = 30 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var secret = created.GetProperty("secret").GetString()!;
        Assert.StartsWith("adp_pat_", secret, StringComparison.Ordinal);
        Assert.Equal(["read", "write"], created.GetProperty("token").GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        var listed = await api.GetStringAsync(Tokens);
        var token = Assert.Single(JsonDocument.Parse(listed).RootElement.EnumerateArray());
        Assert.Equal("Claude Desktop", token.GetProperty("name").GetString());
        Assert.True(token.GetProperty("active").GetBoolean());
        Assert.StartsWith(token.GetProperty("prefix").GetString()!, secret, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", listed, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Create_UnknownScope_IsValidationProblem()
    {
        var api = app.CreateClient();
        await api.SignInAsync("pat-scope@example.com");

        var response = await api.PostAsJsonAsync(Tokens, new { name = "x", scopes = new[] { "admin" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("validation_failed", (await response.ProblemAsync()).Code());
    }

    [Fact]
    public async Task Revoke_EndsTheToken_On_Api_And_Mcp()
    {
        var api = app.CreateClient();
        await api.SignInAsync("pat-revoke@example.com");
        var (id, secret) = await CreateAsync(api, "script");
        using var withPat = Bearer(secret);
        Assert.Equal(HttpStatusCode.OK, (await withPat.GetAsync("/api/v1/users/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"{Tokens}/{id}")).StatusCode);

        var onApi = await withPat.GetAsync("/api/v1/users/me");
        Assert.Equal(HttpStatusCode.Unauthorized, onApi.StatusCode);
        Assert.Equal("invalid_token", (await onApi.ProblemAsync()).Code());
        using var onMcp = await withPat.PostAsync("/mcp", Initialize());
        Assert.Equal(HttpStatusCode.Unauthorized, onMcp.StatusCode);
        var listed = (await api.GetFromJsonAsync<JsonElement>(Tokens))[0];
        Assert.False(listed.GetProperty("active").GetBoolean());
        Assert.NotEqual(JsonValueKind.Null, listed.GetProperty("revokedAt").ValueKind);
    }

    [Fact]
    public async Task Revoke_AnotherUsersToken_IsNotFound_AndLeavesItWorking()
    {
        var owner = app.CreateClient();
        await owner.SignInAsync("pat-owner@example.com");
        var (id, secret) = await CreateAsync(owner, "owner's");
        var stranger = app.CreateClient();
        await stranger.SignInAsync("pat-stranger@example.com");

        var response = await stranger.DeleteAsync($"{Tokens}/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not_found", (await response.ProblemAsync()).Code());
        Assert.Empty((await stranger.GetFromJsonAsync<JsonElement>(Tokens)).EnumerateArray());
        using var withPat = Bearer(secret);
        Assert.Equal(HttpStatusCode.OK, (await withPat.GetAsync("/api/v1/users/me")).StatusCode);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("DELETE")]
    [InlineData("GET")]
    public async Task PersonalAccessToken_CannotManageTokens(string method)
    {
        var api = app.CreateClient();
        await api.SignInAsync($"pat-self-{method.ToLowerInvariant()}@example.com");
        var (id, secret) = await CreateAsync(api, "read and write", "read", "write");
        using var withPat = Bearer(secret);

        using var response = method switch
        {
            "POST" => await withPat.PostAsJsonAsync(Tokens, new { name = "successor", scopes = new[] { "read", "write" } }),
            "DELETE" => await withPat.DeleteAsync($"{Tokens}/{id}"),
            _ => await withPat.GetAsync(Tokens),
        };

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("session_required", (await response.ProblemAsync()).Code());
        var listed = Assert.Single((await api.GetFromJsonAsync<JsonElement>(Tokens)).EnumerateArray());
        Assert.True(listed.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task BrowserSession_CanCreateAToken()
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await browser.PostDevLoginAsync("pat-browser@example.com");

        var response = await browser.PostAsJsonAsync(Tokens, new { name = "from the browser", scopes = new[] { "read" }, expiresInDays = 7 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task<(long Id, string Secret)> CreateAsync(HttpClient api, string name, params string[] scopes)
    {
        var response = await api.PostAsJsonAsync(Tokens, new { name, scopes = scopes.Length == 0 ? ["read"] : scopes });
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("token").GetProperty("id").GetInt64(), created.GetProperty("secret").GetString()!);
    }

    private HttpClient Bearer(string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static StringContent Initialize() => new(
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}""",
        System.Text.Encoding.UTF8,
        "application/json");
}
