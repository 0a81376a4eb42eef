using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace AdPilot.Web.Tests.Fakes;

/// <summary>
/// A local stand-in for Google's OAuth 2.0 endpoints that speaks their wire format: the authorization endpoint
/// redirects back with a one-time code, the token endpoint checks client credentials, redirect URI and the PKCE
/// verifier, and the userinfo endpoint answers the OpenID Connect claims for the bearer access token.
/// </summary>
public sealed class FakeGoogle : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, PendingCode> _codes = new();
    private readonly ConcurrentDictionary<string, GoogleUser> _accessTokens = new();

    public const string ClientId = "test-client.apps.googleusercontent.com";
    public const string ClientSecret = "test-secret";

    private FakeGoogle(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The account the next consent signs in as.</summary>
    public GoogleUser NextUser { get; set; } = new("google-sub-1", "ada@example.com", "Ada Lovelace");

    public ConcurrentQueue<string> AuthorizeRequests { get; } = new();

    public static async Task<FakeGoogle> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeGoogle(app);
        app.MapGet("/o/oauth2/v2/auth", fake.Authorize);
        app.MapPost("/token", fake.TokenAsync);
        app.MapGet("/oauth2/v3/userinfo", fake.UserInfo);
        await app.StartAsync();
        fake.BaseUrl = app.Urls.First();
        return fake;
    }

    public IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Auth:Google:ClientId"] = ClientId,
        ["Auth:Google:ClientSecret"] = ClientSecret,
        ["Auth:Google:AuthorizationEndpoint"] = BaseUrl + "/o/oauth2/v2/auth",
        ["Auth:Google:TokenEndpoint"] = BaseUrl + "/token",
        ["Auth:Google:UserInformationEndpoint"] = BaseUrl + "/oauth2/v3/userinfo",
    };

    private IResult Authorize(HttpRequest request)
    {
        AuthorizeRequests.Enqueue(request.QueryString.Value ?? "");
        var q = request.Query;
        if (q["client_id"] != ClientId || q["response_type"] != "code" || string.IsNullOrEmpty(q["redirect_uri"]))
        {
            return Results.BadRequest("invalid_request");
        }

        if (q["code_challenge_method"] != "S256" || string.IsNullOrEmpty(q["code_challenge"]))
        {
            return Results.BadRequest("PKCE required");
        }

        var code = "4/0A" + Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(18));
        _codes[code] = new PendingCode(q["redirect_uri"]!, q["code_challenge"]!, NextUser);
        var state = Uri.EscapeDataString(q["state"].ToString());
        return Results.Redirect($"{q["redirect_uri"]}?state={state}&code={Uri.EscapeDataString(code)}&scope=email%20profile%20openid");
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
        {
            return Results.Json(new { error = "invalid_client", error_description = "The OAuth client was not found." }, statusCode: 401);
        }

        // Codes are single use: a replay finds nothing.
        if (form["grant_type"] != "authorization_code" || !_codes.TryRemove(form["code"].ToString(), out var pending)
            || pending.RedirectUri != form["redirect_uri"] || S256(form["code_verifier"].ToString()) != pending.Challenge)
        {
            return Results.Json(new { error = "invalid_grant", error_description = "Bad Request" }, statusCode: 400);
        }

        var accessToken = "ya29." + Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(24));
        _accessTokens[accessToken] = pending.User;
        return Results.Json(new { access_token = accessToken, expires_in = 3599, scope = "openid email profile", token_type = "Bearer" });
    }

    private IResult UserInfo(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || !_accessTokens.TryGetValue(header[7..], out var user))
        {
            return Results.Json(new { error = "invalid_token" }, statusCode: 401);
        }

        return Results.Json(new { sub = user.Subject, name = user.Name, given_name = user.Name.Split(' ')[0], picture = "https://lh3.googleusercontent.com/a/test", email = user.Email, email_verified = user.EmailVerified, locale = "en" });
    }

    private static string S256(string verifier) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private sealed record PendingCode(string RedirectUri, string Challenge, GoogleUser User);
}

public sealed record GoogleUser(string Subject, string Email, string Name, bool EmailVerified = true);
