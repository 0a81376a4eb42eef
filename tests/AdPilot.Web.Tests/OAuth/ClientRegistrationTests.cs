using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AdPilot.Web.Tests.Support;
using Xunit;
using static AdPilot.Web.Tests.OAuth.OAuthFlow;

namespace AdPilot.Web.Tests.OAuth;

public sealed class ClientRegistrationTests : IClassFixture<OAuthAppFactory>
{
    private readonly OAuthAppFactory _app;

    public ClientRegistrationTests(OAuthAppFactory app) => _app = app;

    [Theory]
    [InlineData("https://claude.ai/api/mcp/auth_callback")]
    [InlineData("http://127.0.0.1:33418/")]
    [InlineData("http://localhost:6274/oauth/callback")]
    [InlineData("http://[::1]:8080/cb")]
    public async Task Register_PublicClient_Is201WithoutSecret(string redirectUri)
    {
        using var http = _app.CreateClient();
        using var response = await http.PostAsJsonAsync("/oauth/register", new { client_name = "Claude", redirect_uris = new[] { redirectUri } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrEmpty(body.GetProperty("client_id").GetString()));
        Assert.Equal("none", body.GetProperty("token_endpoint_auth_method").GetString());
        Assert.False(body.TryGetProperty("client_secret", out _));
        Assert.Equal(redirectUri, body.GetProperty("redirect_uris")[0].GetString());
    }

    [Theory]
    [InlineData("http://example.com/callback")]
    [InlineData("cursor://anysphere.cursor-retrieval/oauth/callback")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://example.com/cb#fragment")]
    [InlineData("/relative")]
    public async Task Register_UnsafeRedirectUri_IsRefused(string redirectUri)
    {
        using var http = _app.CreateClient();
        using var response = await http.PostAsJsonAsync("/oauth/register", new { redirect_uris = new[] { redirectUri } });

        await AssertRegistrationErrorAsync(response, "invalid_redirect_uri");
    }

    [Fact]
    public async Task Register_ConfidentialClient_IsRefused()
    {
        using var http = _app.CreateClient();
        using var response = await http.PostAsJsonAsync("/oauth/register", new { redirect_uris = new[] { RedirectUri }, token_endpoint_auth_method = "client_secret_basic" });

        await AssertRegistrationErrorAsync(response, "invalid_client_metadata");
    }

    [Theory]
    [InlineData("application/json", "")]
    [InlineData("application/json", "null")]
    [InlineData("application/json", "[]")]
    [InlineData("application/json", "{")]
    [InlineData("application/json", "{\"redirect_uris\": 5}")]
    [InlineData("application/json", "{\"redirect_uris\": [null, 7]}")]
    [InlineData("application/json", "{\"redirect_uris\": [\"https://a.example/cb\"], \"client_name\": {\"x\": 1}}")]
    [InlineData("text/plain", "redirect_uris=https://a.example")]
    [InlineData("application/x-www-form-urlencoded", "redirect_uris=https://a.example")]
    public async Task Register_Junk_IsA4xxProblem(string contentType, string body)
    {
        using var http = _app.CreateClient();
        using var response = await http.PostAsync("/oauth/register", new StringContent(body, Encoding.UTF8, contentType));

        await AssertRegistrationErrorAsync(response, null);
    }

    [Fact]
    public async Task Register_HugeBody_IsRefused()
    {
        using var http = _app.CreateClient();
        var name = new string('a', 100_000);
        using var response = await http.PostAsJsonAsync("/oauth/register", new { client_name = name, redirect_uris = new[] { RedirectUri } });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("/oauth/token", "grant_type=authorization_code&code=junk&client_id=nobody&code_verifier=x")]
    [InlineData("/oauth/token", "grant_type=password&username=a&password=b")]
    [InlineData("/oauth/token", "%%%")]
    [InlineData("/oauth/revoke", "token=junk")]
    [InlineData("/oauth/authorize", "client_id=nobody&response_type=code")]
    [InlineData("/oauth/authorize", "decision=allow")]
    public async Task OAuthEndpoints_Junk_NeverFail500(string path, string form)
    {
        using var http = _app.CreateClient();
        using var response = await http.PostAsync(path, new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.InRange((int)response.StatusCode, 200, 499);
    }

    [Theory]
    [InlineData("/oauth/authorize")]
    [InlineData("/oauth/authorize?client_id=nobody&response_type=code&redirect_uri=https://a.example&code_challenge=abc&code_challenge_method=S256")]
    [InlineData("/oauth/authorize?response_type=token")]
    [InlineData("/oauth/consent?client_id=%00&redirect_uri=%%")]
    [InlineData("/oauth/token")]
    [InlineData("/oauth/register")]
    public async Task OAuthEndpoints_JunkGet_NeverFail500(string url)
    {
        using var browser = await _app.BrowserAsync("oauth-junk@example.com");

        using var response = await browser.GetAsync(url);

        Assert.InRange((int)response.StatusCode, 200, 499);
    }

    [Fact]
    public async Task CookielessEndpoints_CrossSite_AreAllowed_ButTheConsentFormIsNot()
    {
        using var http = _app.CreateClient();
        http.DefaultRequestHeaders.Add("Origin", "https://inspector.example");
        http.DefaultRequestHeaders.Add("Sec-Fetch-Site", "cross-site");

        using var register = await http.PostAsJsonAsync("/oauth/register", new { redirect_uris = new[] { RedirectUri } });
        Assert.True(register.StatusCode == HttpStatusCode.Created, await register.Content.ReadAsStringAsync());
        using var token = await http.PostAsync("/oauth/token", Form(("grant_type", "refresh_token"), ("refresh_token", "junk"), ("client_id", "nobody")));
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode); // OpenIddict's own answer (an unknown client), not the cross-site 403
        Assert.Contains("invalid_client", await token.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var consent = await http.PostAsync("/oauth/authorize", Form(("decision", "allow")));
        Assert.Equal(HttpStatusCode.Forbidden, consent.StatusCode);
        Assert.Contains("cross_site_request", await consent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/.well-known/oauth-authorization-server")]
    [InlineData("/.well-known/openid-configuration")]
    public async Task ServerMetadata_NamesEndpointsAndS256Only(string path)
    {
        using var http = _app.CreateClient();
        var metadata = await http.GetFromJsonAsync<JsonElement>(path);

        Assert.Equal("http://localhost/oauth/register", metadata.GetProperty("registration_endpoint").GetString());
        Assert.Equal("http://localhost/oauth/authorize", metadata.GetProperty("authorization_endpoint").GetString());
        Assert.Equal("http://localhost/oauth/token", metadata.GetProperty("token_endpoint").GetString());
        Assert.Equal("http://localhost/oauth/revoke", metadata.GetProperty("revocation_endpoint").GetString());
        Assert.Equal(["S256"], metadata.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("/.well-known/oauth-protected-resource")]
    [InlineData("/.well-known/oauth-protected-resource/mcp")]
    public async Task ResourceMetadata_NamesAdPilotAsAuthorizationServer(string path)
    {
        using var http = _app.CreateClient();
        var metadata = await http.GetFromJsonAsync<JsonElement>(path);

        Assert.Equal(Resource, metadata.GetProperty("resource").GetString());
        var server = Assert.Single(metadata.GetProperty("authorization_servers").EnumerateArray()).GetString()!;
        var issuer = (await http.GetFromJsonAsync<JsonElement>("/.well-known/oauth-authorization-server")).GetProperty("issuer").GetString();
        Assert.Equal(issuer, server);
    }

    [Fact]
    public async Task Register_OverThePerIpLimit_Is429()
    {
        await using var app = AdPilotFactory.With(settings: new Dictionary<string, string?> { ["RateLimit:ClientRegistrationsPerMinute"] = "2" });
        using var http = app.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await http.PostAsJsonAsync("/oauth/register", new { redirect_uris = new[] { RedirectUri } })).StatusCode);
        }

        using var third = await http.PostAsJsonAsync("/oauth/register", new { redirect_uris = new[] { RedirectUri } });
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Contains("rate_limited", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task AssertRegistrationErrorAsync(HttpResponseMessage response, string? error)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var code = body.GetProperty("code").GetString();
        Assert.Equal(code, body.GetProperty("error").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error_description").GetString()));
        if (error is not null)
        {
            Assert.Equal(error, code);
        }
    }
}
