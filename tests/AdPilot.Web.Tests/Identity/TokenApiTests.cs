using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using AdPilot.Core.Identity;
using AdPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AdPilot.Web.Tests.Identity;

public sealed class TokenApiTests(AdPilotFactory factory) : IClassFixture<AdPilotFactory>
{
    [Fact]
    public async Task Refresh_RotatesTokens_AndReplayingTheOldOneRevokesTheFamily()
    {
        var client = factory.CreateClient();
        var first = await client.SignInAsync("rotate@example.com");

        var rotated = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = first.RefreshToken });
        rotated.EnsureSuccessStatusCode();
        var second = (await rotated.Content.ReadFromJsonAsync<TokenResponse>())!;
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);

        var replay = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = first.RefreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Equal("refresh_token_reused", (await replay.ProblemAsync()).Code());

        var afterReplay = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = second.RefreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, afterReplay.StatusCode);
    }

    [Fact]
    public async Task Logout_RevokesTheRefreshToken()
    {
        var client = factory.CreateClient();
        var tokens = await client.SignInAsync("logout@example.com");

        var logout = await client.PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = tokens.RefreshToken });
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);

        var refresh = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.RefreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }

    [Fact]
    public async Task Logout_AccessTokenOfThatSession_IsRefusedAtOnce()
    {
        var client = factory.CreateClient();
        var tokens = await client.SignInAsync("logout-access@example.com");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/users/me")).StatusCode);

        (await client.PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = tokens.RefreshToken })).EnsureSuccessStatusCode();

        var after = await client.GetAsync("/api/v1/users/me");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("invalid_token", (await after.ProblemAsync()).Code());
    }

    [Fact]
    public async Task Refresh_AfterLogout_SaysRevokedNotReused()
    {
        var client = factory.CreateClient();
        var tokens = await client.SignInAsync("logout-refresh@example.com");
        (await client.PostAsJsonAsync("/api/v1/auth/logout", new { refreshToken = tokens.RefreshToken })).EnsureSuccessStatusCode();

        var refresh = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.RefreshToken });

        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
        Assert.Equal("refresh_token_revoked", (await refresh.ProblemAsync()).Code());
    }

    [Fact]
    public async Task Refresh_ReplayedToken_RevokesTheFamilysAccessTokensToo()
    {
        var client = factory.CreateClient();
        var first = await client.SignInAsync("replay-access@example.com");
        var rotated = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = first.RefreshToken });
        var second = (await rotated.Content.ReadFromJsonAsync<TokenResponse>())!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", second.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/users/me")).StatusCode);

        await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = first.RefreshToken });

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/users/me")).StatusCode);
    }

    [Fact]
    public async Task LogoutEverywhere_EndsOtherBearerTokensAndBrowserSessions_AndANewSignInWorks()
    {
        var browser = factory.CreateClient();
        (await browser.PostDevLoginAsync("everywhere@example.com")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/users/me")).StatusCode);
        var laptop = factory.CreateClient();
        var laptopTokens = await laptop.SignInAsync("everywhere@example.com");
        var phone = factory.CreateClient();
        await phone.SignInAsync("everywhere@example.com");

        Assert.Equal(HttpStatusCode.NoContent, (await phone.PostAsync("/api/v1/auth/logout-everywhere", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await laptop.GetAsync("/api/v1/users/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/v1/users/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/users/me")).StatusCode);
        var refresh = await laptop.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = laptopTokens.RefreshToken });
        Assert.Equal("refresh_token_revoked", (await refresh.ProblemAsync()).Code());
        var again = factory.CreateClient();
        await again.SignInAsync("everywhere@example.com");
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/v1/users/me")).StatusCode);
        (await browser.PostDevLoginAsync("everywhere@example.com")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/users/me")).StatusCode);
    }

    [Fact]
    public async Task SessionToken_CookieSignedInUser_GetsATokenPairForTheSameUser()
    {
        var browser = factory.CreateClient();
        (await browser.PostDevLoginAsync("cookie@example.com")).EnsureSuccessStatusCode();

        var response = await browser.PostAsync("/api/v1/auth/token", null);
        response.EnsureSuccessStatusCode();
        var pair = (await response.Content.ReadFromJsonAsync<TokenResponse>())!;

        var api = factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", pair.AccessToken);
        var me = await api.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/users/me");
        Assert.Equal("cookie@example.com", me.GetProperty("email").GetString());
    }

    public static TheoryData<string> BadTokens() => ["expired", "wrong-signature", "wrong-audience", "wrong-issuer", "alg-none", "garbage"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task BearerToken_Invalid_IsRejectedWithProblem(string kind)
    {
        var client = factory.CreateClient();
        var good = await client.SignInAsync("jwt@example.com");
        var userId = new JsonWebToken(good.AccessToken).Subject;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Forge(kind, userId));

        var response = await client.GetAsync("/api/v1/users/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_token", (await response.ProblemAsync()).Code());
    }

    [Fact]
    public async Task BearerToken_ForgedCorrectly_IsAccepted()
    {
        // The control for the theory above: the forging helper itself makes a token the API accepts.
        var client = factory.CreateClient();
        var good = await client.SignInAsync("control@example.com");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Forge("valid", new JsonWebToken(good.AccessToken).Subject));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/users/me")).StatusCode);
    }

    private string Forge(string kind, string userId)
    {
        var jwt = factory.Services.GetRequiredService<IOptions<JwtOptions>>().Value;
        var now = DateTime.UtcNow;
        var key = kind == "wrong-signature" ? new SymmetricSecurityKey(new byte[32]) : jwt.CreateSigningKey();
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = kind == "wrong-issuer" ? "evil" : jwt.Issuer,
            Audience = kind == "wrong-audience" ? "another-api" : jwt.Audience,
            IssuedAt = kind == "expired" ? now.AddHours(-2) : now,
            NotBefore = kind == "expired" ? now.AddHours(-2) : now,
            Expires = kind == "expired" ? now.AddHours(-1) : now.AddMinutes(5),
            Subject = new ClaimsIdentity([new Claim("sub", userId), new Claim("email", "jwt@example.com"), new Claim("role", "admin")]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        };
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return kind switch
        {
            "alg-none" => Unsigned(handler.CreateToken(descriptor)),
            "garbage" => "not.a.jwt",
            _ => handler.CreateToken(descriptor),
        };
    }

    /// <summary>The classic attack: same claims, header says alg none, signature stripped.</summary>
    private static string Unsigned(string token)
    {
        var parts = token.Split('.');
        var header = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes("{\"alg\":\"none\",\"typ\":\"JWT\"}"));
        return $"{header}.{parts[1]}.";
    }
}
