using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AdPilot.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Xunit;

namespace AdPilot.Web.Tests.OAuth;

/// <summary>Tokens from the token endpoint.</summary>
public sealed record OAuthTokens(string ClientId, string AccessToken, string RefreshToken, string Scope);

/// <summary>
/// The app with a registration limit no test reaches (one test checks the limit on its own host); <c>adpilot.example</c>
/// is an allowed MCP host name, so a token presented there reaches the audience check.
/// </summary>
public sealed class OAuthAppFactory() : AdPilotFactory("Development", new Dictionary<string, string?>
{
    ["RateLimit:ClientRegistrationsPerMinute"] = "1000000",
    ["Mcp:AllowedHosts:0"] = "adpilot.example",
});

/// <summary>What an MCP client and its user's browser do against AdPilot's authorization server, over HTTP.</summary>
public static partial class OAuthFlow
{
    public const string RedirectUri = "http://127.0.0.1:33418/callback";
    public const string Resource = "http://localhost/mcp";

    /// <summary>A PKCE pair (RFC 7636): the verifier and its S256 challenge.</summary>
    public static (string Verifier, string Challenge) Pkce()
    {
        var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (verifier, WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public static async Task<string> RegisterAsync(this AdPilotFactory app, string name = "Test MCP client", string redirectUri = RedirectUri)
    {
        using var http = app.CreateClient();
        using var response = await http.PostAsJsonAsync("/oauth/register", new { client_name = name, redirect_uris = new[] { redirectUri }, token_endpoint_auth_method = "none" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("client_id").GetString()!;
    }

    /// <summary>A browser with the user's session cookie; redirects are followed by hand.</summary>
    public static async Task<HttpClient> BrowserAsync(this AdPilotFactory app, string email)
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostDevLoginAsync(email)).StatusCode);
        return browser;
    }

    public static string AuthorizeUrl(string clientId, string challenge, string scope = "read write", string? resource = Resource,
        string method = "S256", string redirectUri = RedirectUri)
    {
        var query = new Dictionary<string, string?>
        {
            ["response_type"] = "code", ["client_id"] = clientId, ["redirect_uri"] = redirectUri, ["scope"] = scope,
            ["state"] = "xyz", ["code_challenge"] = challenge, ["code_challenge_method"] = method,
        };
        if (resource is not null)
        {
            query["resource"] = resource;
        }

        return QueryHelpers.AddQueryString("/oauth/authorize", query);
    }

    /// <summary>Authorize → consent page → the user's decision; returns where the browser is sent back to the client.</summary>
    public static async Task<Uri> ConsentAsync(this HttpClient browser, string authorizeUrl, string decision = "allow")
    {
        using var authorize = await browser.GetAsync(authorizeUrl);
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        var consentUrl = authorize.Headers.Location!.OriginalString;
        Assert.StartsWith("/oauth/consent?", consentUrl, StringComparison.Ordinal);

        var page = await browser.GetStringAsync(consentUrl);
        var form = HiddenField().Matches(page).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        form["decision"] = decision;
        using var post = await browser.PostAsync("/oauth/authorize", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        return post.Headers.Location!;
    }

    /// <summary>The whole flow for a signed-in user who allows; returns the tokens.</summary>
    public static async Task<OAuthTokens> AuthorizeAsync(this AdPilotFactory app, string email, string scope = "read write")
    {
        var clientId = await app.RegisterAsync();
        using var browser = await app.BrowserAsync(email);
        var (verifier, challenge) = Pkce();
        var callback = await browser.ConsentAsync(AuthorizeUrl(clientId, challenge, scope));
        var code = QueryHelpers.ParseQuery(callback.Query)["code"].ToString();
        using var http = app.CreateClient();
        using var token = await http.PostAsync("/oauth/token", Form(("grant_type", "authorization_code"), ("code", code), ("redirect_uri", RedirectUri),
            ("client_id", clientId), ("code_verifier", verifier), ("resource", Resource)));
        var body = await token.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(token.StatusCode == HttpStatusCode.OK, body.ToString());
        return new OAuthTokens(clientId, body.GetProperty("access_token").GetString()!, body.GetProperty("refresh_token").GetString()!, body.GetProperty("scope").GetString()!);
    }

    public static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)));

    public static string Query(Uri uri, string name) => QueryHelpers.ParseQuery(uri.Query).TryGetValue(name, out var value) ? value.ToString() : "";

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenField();
}
