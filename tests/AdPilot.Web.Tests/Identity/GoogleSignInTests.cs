using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Web;
using AdPilot.Core.Data;
using AdPilot.Web.Tests.Fakes;
using AdPilot.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdPilot.Web.Tests.Identity;

/// <summary>The full authorization code flow with state and PKCE against a local fake Google.</summary>
public sealed class GoogleSignInTests : IAsyncLifetime
{
    private FakeGoogle _google = null!;
    private AdPilotFactory _app = null!;

    public async Task InitializeAsync()
    {
        _google = await FakeGoogle.StartAsync();
        _app = AdPilotFactory.With("Production", _google.Settings());
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _google.DisposeAsync();
    }

    private HttpClient Browser() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task SignIn_FullFlow_CreatesTheUserAndStartsASession()
    {
        var browser = Browser();
        _google.NextUser = new GoogleUser("g-42", "grace@example.com", "Grace Hopper");

        var start = await browser.GetAsync("/auth/google?returnUrl=%2Fsettings");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var authorize = start.Headers.Location!;
        Assert.StartsWith(_google.BaseUrl + "/o/oauth2/v2/auth", authorize.ToString(), StringComparison.Ordinal);
        var query = HttpUtility.ParseQueryString(authorize.Query);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.False(string.IsNullOrEmpty(query["state"]));
        Assert.EndsWith("/auth/google/callback", query["redirect_uri"], StringComparison.Ordinal);

        var callback = await AuthorizeAtGoogleAsync(authorize);
        var done = await browser.GetAsync(callback);

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/settings", done.Headers.Location!.OriginalString);
        var me = await browser.GetFromJsonAsync<JsonElement>("/api/v1/users/me");
        Assert.Equal("grace@example.com", me.GetProperty("email").GetString());
        Assert.Equal("Grace Hopper", me.GetProperty("name").GetString());
    }

    [Fact]
    public async Task SignIn_SecondTimeWithNewEmail_SameUserEmailUpdated()
    {
        _google.NextUser = new GoogleUser("g-7", "first@example.com", "Kay");
        var firstId = await SignInAsync(Browser());
        _google.NextUser = new GoogleUser("g-7", "renamed@example.com", "Kay");
        var browser = Browser();
        var secondId = await SignInAsync(browser);

        Assert.Equal(firstId, secondId);
        var me = await browser.GetFromJsonAsync<JsonElement>("/api/v1/users/me");
        Assert.Equal("renamed@example.com", me.GetProperty("email").GetString());
    }

    [Fact]
    public async Task Callback_WithWrongState_ShowsAnErrorAndCreatesNoUserNorSession()
    {
        var browser = Browser();
        var start = await browser.GetAsync("/auth/google");
        var callback = await AuthorizeAtGoogleAsync(start.Headers.Location!);
        var tampered = new UriBuilder(callback) { Query = ReplaceParam(callback.Query, "state", "forged-state") }.Uri;

        var response = await browser.GetAsync(tampered);

        await AssertFailedWithoutSessionAsync(browser, response);
    }

    [Fact]
    public async Task Callback_WithoutState_ShowsAnErrorAndCreatesNoUserNorSession()
    {
        var browser = Browser();
        await browser.GetAsync("/auth/google");

        var response = await browser.GetAsync("/auth/google/callback?code=4%2F0Aabc");

        await AssertFailedWithoutSessionAsync(browser, response);
    }

    [Fact]
    public async Task Callback_ReplayedCode_IsRefused()
    {
        var browser = Browser();
        var start = await browser.GetAsync("/auth/google");
        var callback = await AuthorizeAtGoogleAsync(start.Headers.Location!);
        await browser.GetAsync(callback);

        var attacker = Browser();
        var replay = await attacker.GetAsync(callback);

        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.Equal("/login?error=google_failed", replay.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await attacker.GetAsync("/api/v1/users/me")).StatusCode);
    }

    [Fact]
    public async Task DevSignIn_IsOffWhenGoogleIsConfigured()
    {
        var login = await Browser().GetStringAsync("/login");

        Assert.Contains("data-testid=\"google-sign-in\"", login, StringComparison.Ordinal);
        Assert.DoesNotContain("dev-sign-in-form", login, StringComparison.Ordinal);
    }

    private async Task AssertFailedWithoutSessionAsync(HttpClient browser, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login?error=google_failed", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/users/me")).StatusCode);
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await db.Users.CountAsync());
    }

    private async Task<long> SignInAsync(HttpClient browser)
    {
        var start = await browser.GetAsync("/auth/google");
        await browser.GetAsync(await AuthorizeAtGoogleAsync(start.Headers.Location!));
        return (await browser.GetFromJsonAsync<JsonElement>("/api/v1/users/me")).GetProperty("id").GetInt64();
    }

    /// <summary>The user consents at Google, which redirects the browser back to our callback.</summary>
    private static async Task<Uri> AuthorizeAtGoogleAsync(Uri authorize)
    {
        using var google = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var consent = await google.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, consent.StatusCode);
        var back = consent.Headers.Location!;
        return new Uri(back.PathAndQuery, UriKind.Relative) is { } relative ? new Uri(new Uri("http://localhost"), relative) : back;
    }

    private static string ReplaceParam(string query, string name, string value)
    {
        var parsed = HttpUtility.ParseQueryString(query);
        parsed[name] = value;
        return parsed.ToString()!;
    }
}
