using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AdPilot.Web.Tests.Support;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static AdPilot.Web.Tests.OAuth.OAuthFlow;

namespace AdPilot.Web.Tests.OAuth;

public sealed class OAuthFlowTests : IClassFixture<OAuthAppFactory>
{
    private readonly OAuthAppFactory _app;

    public OAuthFlowTests(OAuthAppFactory app) => _app = app;

    [Fact]
    public async Task FullFlow_RegisterAuthorizeTokenMcpRefreshRevoke_Works()
    {
        var tokens = await _app.AuthorizeAsync("oauth-full@example.com");
        Assert.Equal("read write offline_access", tokens.Scope);
        await using (var client = await _app.ConnectMcpAsync(tokens.AccessToken))
        {
            await client.SucceedsAsync("list_ad_accounts");
        }

        using var http = _app.CreateClient();
        using var refresh = await http.PostAsync("/oauth/token", Form(("grant_type", "refresh_token"), ("refresh_token", tokens.RefreshToken), ("client_id", tokens.ClientId)));
        var refreshed = await refresh.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(refresh.StatusCode == HttpStatusCode.OK, refreshed.ToString());
        var access = refreshed.GetProperty("access_token").GetString()!;
        Assert.NotEqual(tokens.RefreshToken, refreshed.GetProperty("refresh_token").GetString());
        await using (var client = await _app.ConnectMcpAsync(access))
        {
            await client.SucceedsAsync("list_ad_accounts");
        }

        using var revoke = await http.PostAsync("/oauth/revoke", Form(("token", access), ("token_type_hint", "access_token"), ("client_id", tokens.ClientId)));
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostMcpAsync(access)).StatusCode);
    }

    [Fact]
    public async Task AccessToken_NamesUserScopesAndClient_ForToolsAndTheActionLog()
    {
        var user = await _app.SignInAsync("oauth-claims@example.com");
        var tokens = await _app.AuthorizeAsync(user.Email, scope: "read");
        using var scope = _app.Services.CreateScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Scheme = "http";
        http.Request.Host = new HostString("localhost");
        http.Request.Path = "/mcp";
        http.Request.Headers.Authorization = "Bearer " + tokens.AccessToken;
        // What the authentication middleware does first: OpenIddict's handlers set up their request state there.
        var handlers = scope.ServiceProvider.GetRequiredService<IAuthenticationHandlerProvider>();
        foreach (var handlerScheme in await scope.ServiceProvider.GetRequiredService<IAuthenticationSchemeProvider>().GetRequestHandlerSchemesAsync())
        {
            Assert.False(await ((IAuthenticationRequestHandler)(await handlers.GetHandlerAsync(http, handlerScheme.Name))!).HandleRequestAsync());
        }

        var result = await http.AuthenticateAsync(AdPilot.Web.Features.Identity.AuthSchemes.OAuth);

        Assert.True(result.Succeeded, result.Failure?.Message);
        var caller = AdPilot.Web.Features.Mcp.ToolCaller.From(result.Principal!);
        Assert.Equal(user.Id, caller.UserId);
        Assert.False(caller.CanWrite);
        Assert.Equal("Test MCP client", caller.Actor.Client);
        Assert.Equal("oauth:" + tokens.ClientId, result.Principal!.FindFirst(AdPilot.Core.Identity.AppClaims.Credential)?.Value);
    }

    [Fact]
    public async Task Refresh_WithRotatedOutToken_IsRefused()
    {
        var tokens = await _app.AuthorizeAsync("oauth-rotate@example.com");
        using var http = _app.CreateClient();
        var form = Form(("grant_type", "refresh_token"), ("refresh_token", tokens.RefreshToken), ("client_id", tokens.ClientId));
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("/oauth/token", form)).StatusCode);

        using var again = await http.PostAsync("/oauth/token", Form(("grant_type", "refresh_token"), ("refresh_token", tokens.RefreshToken), ("client_id", tokens.ClientId)));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("invalid_grant", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("read")]
    [InlineData("read offline_access")]
    [InlineData("")]
    public async Task ReadToken_CallsReadTools_AndIsRefusedWriteTools(string scope)
    {
        var tokens = await _app.AuthorizeAsync($"oauth-read-{scope.Length}@example.com", scope: scope);
        Assert.Equal("read offline_access", tokens.Scope);
        await using var client = await _app.ConnectMcpAsync(tokens.AccessToken);

        await client.SucceedsAsync("list_ad_accounts");
        var writeTool = (await client.ListToolsAsync()).First(t => t.ProtocolTool.Annotations?.ReadOnlyHint != true);
        await client.FailsAsync(writeTool.Name, new { }, code: "insufficient_scope");
    }

    [Fact]
    public async Task ConsentPage_NamesClientAndScopes_AndItsFormMayRedirectToTheClient()
    {
        var clientId = await _app.RegisterAsync(name: "Claude <Desktop>");
        using var browser = await _app.BrowserAsync("oauth-page@example.com");
        using var authorize = await browser.GetAsync(AuthorizeUrl(clientId, Pkce().Challenge, scope: "write"));

        using var page = await browser.GetAsync(authorize.Headers.Location!.OriginalString);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Contains("Claude &lt;Desktop&gt;", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"oauth-scope-write\"", html, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:33418", html, StringComparison.Ordinal);
        Assert.Contains("form-action 'self' http://127.0.0.1:33418;", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consent_Deny_ReturnsAccessDenied()
    {
        var clientId = await _app.RegisterAsync();
        using var browser = await _app.BrowserAsync("oauth-deny@example.com");

        var callback = await browser.ConsentAsync(AuthorizeUrl(clientId, Pkce().Challenge), decision: "deny");

        Assert.StartsWith(RedirectUri, callback.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal("access_denied", Query(callback, "error"));
        Assert.Equal("xyz", Query(callback, "state"));
        Assert.Empty(Query(callback, "code"));
    }

    [Fact]
    public async Task Authorize_PlainPkce_IsRefused()
    {
        var clientId = await _app.RegisterAsync();
        using var browser = await _app.BrowserAsync("oauth-plain@example.com");
        var (verifier, _) = Pkce();

        using var response = await browser.GetAsync(AuthorizeUrl(clientId, verifier, method: "plain"));

        Assert.Null(response.Headers.Location);
        Assert.Contains("code_challenge_method", await AssertProblemAsync(response, "invalid_request"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_WithoutPkce_IsRefused()
    {
        var clientId = await _app.RegisterAsync();
        using var browser = await _app.BrowserAsync("oauth-nopkce@example.com");

        using var response = await browser.GetAsync(AuthorizeUrl(clientId, Pkce().Challenge).Replace("&code_challenge=", "&x=", StringComparison.Ordinal));

        Assert.Null(response.Headers.Location);
        await AssertProblemAsync(response, "invalid_request");
    }

    [Fact]
    public async Task Authorize_ForAnotherResource_IsRefusedWithInvalidTarget()
    {
        var clientId = await _app.RegisterAsync();
        using var browser = await _app.BrowserAsync("oauth-resource@example.com");

        using var response = await browser.GetAsync(AuthorizeUrl(clientId, Pkce().Challenge, resource: "https://evil.example/mcp"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("invalid_target", Query(response.Headers.Location!, "error"));
    }

    [Fact]
    public async Task Authorize_UnregisteredRedirectUri_IsRefusedWithoutRedirect()
    {
        var clientId = await _app.RegisterAsync();
        using var browser = await _app.BrowserAsync("oauth-redirect@example.com");

        using var response = await browser.GetAsync(AuthorizeUrl(clientId, Pkce().Challenge, redirectUri: "https://evil.example/callback"));

        Assert.Null(response.Headers.Location);
        await AssertProblemAsync(response, "invalid_request");
    }

    [Fact]
    public async Task Mcp_TokenForAnotherAudience_IsRefused()
    {
        var tokens = await _app.AuthorizeAsync("oauth-audience@example.com");

        // The same token presented to AdPilot under another name: its audience is http://localhost/mcp, not this one.
        using var response = await PostMcpAsync(tokens.AccessToken, new Uri("http://adpilot.example"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Parameter?.Contains("resource_metadata=", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Token_ForAnotherResource_IsRefused()
    {
        var clientId = await _app.RegisterAsync();
        using var browser = await _app.BrowserAsync("oauth-token-resource@example.com");
        var (verifier, challenge) = Pkce();
        var code = Query(await browser.ConsentAsync(AuthorizeUrl(clientId, challenge)), "code");

        using var http = _app.CreateClient();
        using var token = await http.PostAsync("/oauth/token", Form(("grant_type", "authorization_code"), ("code", code), ("redirect_uri", RedirectUri),
            ("client_id", clientId), ("code_verifier", verifier), ("resource", "https://evil.example/mcp")));
        var body = await token.Content.ReadAsStringAsync();

        Assert.True(token.StatusCode == HttpStatusCode.BadRequest, body);
        Assert.Contains("invalid_target", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_RefreshToken_EndsTheGrantsAccessTokensToo()
    {
        var tokens = await _app.AuthorizeAsync("oauth-revoke-refresh@example.com");
        using var http = _app.CreateClient();

        using var revoke = await http.PostAsync("/oauth/revoke", Form(("token", tokens.RefreshToken), ("token_type_hint", "refresh_token"), ("client_id", tokens.ClientId)));

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostMcpAsync(tokens.AccessToken)).StatusCode);
    }

    [Fact]
    public async Task OAuthToken_OnTheRestApi_IsRefused()
    {
        var tokens = await _app.AuthorizeAsync("oauth-api@example.com");
        using var http = _app.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/v1/users/me")).StatusCode);
    }

    [Fact]
    public async Task SignOutEverywhere_RevokesOAuthAccessAndRefresh()
    {
        var user = await _app.SignInAsync("oauth-everywhere@example.com");
        var tokens = await _app.AuthorizeAsync(user.Email);
        using var api = _app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);

        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync("/api/v1/auth/logout-everywhere", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostMcpAsync(tokens.AccessToken)).StatusCode);
        using var http = _app.CreateClient();
        using var refresh = await http.PostAsync("/oauth/token", Form(("grant_type", "refresh_token"), ("refresh_token", tokens.RefreshToken), ("client_id", tokens.ClientId)));
        Assert.Equal(HttpStatusCode.BadRequest, refresh.StatusCode);
    }

    [Fact]
    public async Task Consent_SignedOut_GoesThroughLoginAndBack()
    {
        var clientId = await _app.RegisterAsync();
        using var browser = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var authorize = await browser.GetAsync(AuthorizeUrl(clientId, Pkce().Challenge));
        var consent = authorize.Headers.Location!.OriginalString;
        using var page = await browser.GetAsync(consent);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        var login = page.Headers.Location!.PathAndQuery;
        Assert.StartsWith("/login?returnUrl=", login, StringComparison.Ordinal);
        Assert.Equal(consent, Uri.UnescapeDataString(login["/login?returnUrl=".Length..]));
    }

    /// <summary>A refused authorization request that cannot go back to the client: a ProblemDetails with the OAuth error as code.</summary>
    private static async Task<string> AssertProblemAsync(HttpResponseMessage response, string error)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(error, body.GetProperty("code").GetString());
        Assert.Equal(error, body.GetProperty("error").GetString());
        return body.GetProperty("error_description").GetString()!;
    }

    private async Task<HttpResponseMessage> PostMcpAsync(string accessToken, Uri? baseAddress = null)
    {
        using var http = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = baseAddress ?? new Uri("http://localhost") });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        http.DefaultRequestHeaders.Accept.ParseAdd("text/event-stream");
        return await http.PostAsJsonAsync("/mcp", new { jsonrpc = "2.0", id = 1, method = "tools/list" });
    }
}
