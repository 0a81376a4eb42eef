using Microsoft.EntityFrameworkCore;
using AdPilot.Core.Data;
using System.Net;
using System.Net.Http.Headers;
using AdPilot.Core.Identity;
using AdPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AdPilot.Web.Tests.Mcp;

public sealed class McpServerTests : IClassFixture<AdPilotFactory>
{
    private readonly AdPilotFactory _app;

    public McpServerTests(AdPilotFactory app) => _app = app;

    [Fact]
    public async Task Initialize_WithApiToken_NamesTheServerAndHowToStart()
    {
        var user = await _app.SignInAsync("mcp-init@example.com");
        await using var client = await _app.ConnectMcpAsync(user.AccessToken);

        Assert.Equal("adpilot", client.ServerInfo!.Name);
        Assert.Contains("list_ad_accounts", client.ServerInstructions, StringComparison.Ordinal);
        Assert.Contains(await client.ListToolsAsync(), t => t.Name == "list_ad_accounts");
    }

    [Fact]
    public async Task Tools_EveryOneDescribedWithSchemasAndAnnotations()
    {
        var user = await _app.SignInAsync("mcp-describe@example.com");
        await using var client = await _app.ConnectMcpAsync(user.AccessToken);

        foreach (var tool in (await client.ListToolsAsync()).Select(t => t.ProtocolTool))
        {
            Assert.False(string.IsNullOrWhiteSpace(tool.Description), tool.Name);
            Assert.NotNull(tool.OutputSchema);
            Assert.NotNull(tool.Annotations?.ReadOnlyHint);
            Assert.NotNull(tool.Annotations?.OpenWorldHint);
            if (tool.InputSchema.TryGetProperty("properties", out var properties))
            {
                foreach (var parameter in properties.EnumerateObject())
                {
                    Assert.True(parameter.Value.TryGetProperty("description", out _), $"{tool.Name}.{parameter.Name} has no description");
                    Assert.Equal(parameter.Name.ToLowerInvariant(), parameter.Name);
                }
            }
        }
    }

    [Fact]
    public async Task Post_WithoutCredentials_Is401PointingAtResourceMetadata()
    {
        using var http = _app.CreateClient();
        using var response = await http.PostAsync("/mcp", Initialize());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("resource_metadata=", challenge.Parameter, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("adp_pat_not-a-real-token")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.e30.bad")]
    public async Task Post_WithUnknownToken_Is401(string token)
    {
        using var http = _app.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.PostAsync("/mcp", Initialize());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Parameter?.Contains("resource_metadata=", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Post_WithSessionCookieOnly_Is401()
    {
        using var http = _app.CreateClient();
        await http.PostDevLoginAsync("mcp-cookie@example.com");
        using var response = await http.PostAsync("/mcp", Initialize());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task RevokedPat_IsRefused()
    {
        var user = await _app.SignInAsync("mcp-revoked@example.com");
        var pat = await _app.CreatePatAsync(user.Id);
        await using (var client = await _app.ConnectMcpAsync(pat))
        {
            await client.SucceedsAsync("list_ad_accounts");
        }

        var tokens = _app.Services.GetRequiredService<PersonalAccessTokenService>();
        var id = (await tokens.ListAsync(user.Id)).Single().Id;
        await tokens.RevokeAsync(user.Id, id);

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => _app.ConnectMcpAsync(pat));
    }

    [Fact]
    public async Task ExpiredPat_IsRefused()
    {
        var user = await _app.SignInAsync("mcp-expired@example.com");
        var pat = await _app.CreatePatAsync(user.Id);
        var factory = _app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.PersonalAccessTokens.Where(t => t.UserId == user.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)));
        }

        using var http = _app.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", pat);
        using var response = await http.PostAsync("/mcp", Initialize());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Parameter?.Contains("resource_metadata=", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task ReadOnlyPat_CallsReadTools_AndIsRefusedWriteTools()
    {
        var user = await _app.SignInAsync("mcp-readonly@example.com");
        await using var client = await _app.ConnectMcpAsync(await _app.CreatePatAsync(user.Id, AccessScopes.Read));

        await client.SucceedsAsync("list_ad_accounts");
        var writeTool = (await client.ListToolsAsync()).First(t => t.ProtocolTool.Annotations?.ReadOnlyHint != true);
        await client.FailsAsync(writeTool.Name, new { }, code: "insufficient_scope");
    }

    [Fact]
    public async Task ReadOnlyPat_OnApi_CanReadButNotWrite()
    {
        var user = await _app.SignInAsync("api-readonly@example.com");
        using var http = _app.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await _app.CreatePatAsync(user.Id, AccessScopes.Read));

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v1/users/me")).StatusCode);
        using var write = await http.PostAsync("/api/v1/notifications/read-all", null);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Contains("insufficient_scope", await write.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAdAccountToken_OtherUsersAccount_IsNotFound()
    {
        var owner = await _app.SignInAsync("mcp-owner@example.com");
        var accountId = await _app.BindSimulatedAccountAsync(owner);
        var stranger = await _app.SignInAsync("mcp-stranger@example.com");
        await using var client = await _app.ConnectMcpAsync(stranger.AccessToken);

        await client.FailsAsync("get_ad_account_token", new { ad_account_id = accountId }, code: "not_found");
    }

    [Fact]
    public async Task GetAdAccountToken_NeverReturnsTheToken()
    {
        var user = await _app.SignInAsync("mcp-token-state@example.com");
        var accountId = await _app.BindSimulatedAccountAsync(user);
        await using var client = await _app.ConnectMcpAsync(user.AccessToken);

        var state = await client.SucceedsAsync("get_ad_account_token", new { ad_account_id = accountId });

        Assert.Equal("ok", state.GetProperty("state").GetString());
        Assert.DoesNotContain("sim_", state.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongArgumentType_IsValidationError_NotAProtocolCrash()
    {
        var user = await _app.SignInAsync("mcp-badarg@example.com");
        await using var client = await _app.ConnectMcpAsync(user.AccessToken);

        await client.FailsAsync("get_ad_account_token", new { ad_account_id = "twelve" }, code: "validation_failed");
        await client.SucceedsAsync("list_ad_accounts");
    }

    [Fact]
    public async Task ResultText_QuotesAndChinese_AsTheyAre_NotEscaped()
    {
        var user = await _app.SignInAsync("mcp-text@example.com");
        await using var client = await _app.ConnectMcpAsync(user.AccessToken);

        var result = await client.CallAsync("create_notification", new { title = "预算提醒 \"Spring\"" });
        var error = await client.CallAsync("create_notification", new { title = "" });

        Assert.Contains("预算提醒 \\\"Spring\\\"", McpHarness.Text(result), StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", McpHarness.Text(result) + McpHarness.Text(error), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-06-18")]
    [InlineData("2025-11-25")]
    public async Task Initialize_NegotiatesTheSpecVersionsClientsUse(string version)
    {
        var user = await _app.SignInAsync($"mcp-version-{version}@example.com");
        using var http = _app.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
        http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        http.DefaultRequestHeaders.Accept.ParseAdd("text/event-stream");

        using var response = await http.PostAsync("/mcp", Initialize(version));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"\"protocolVersion\":\"{version}\"", body, StringComparison.Ordinal);
    }

    private static StringContent Initialize(string version = "2025-06-18") => new(
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":""" + "\"" + version + "\"" +
        ""","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}""",
        System.Text.Encoding.UTF8,
        "application/json");
}
