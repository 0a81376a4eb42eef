using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdPilot.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace AdPilot.Web.Tests.Identity;

/// <summary>GET/DELETE /api/v1/users/me/sessions: a signed-out session is refused on its very next request (ADR 037).</summary>
public sealed class SessionsApiTests(AdPilotFactory factory) : IClassFixture<AdPilotFactory>
{
    private const string Chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
    private const string Firefox = "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0";

    private async Task<HttpClient> BrowserAsync(string email, string userAgent, string? country = null)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        if (country is not null)
        {
            client.DefaultRequestHeaders.Add("CloudFront-Viewer-Country", country);
        }

        (await client.PostDevLoginAsync(email)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/users/me")).StatusCode);
        return client;
    }

    private static async Task<JsonElement[]> SessionsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/users/me/sessions")).GetProperty("items").EnumerateArray().ToArray();

    [Fact]
    public async Task List_ShowsEachBrowserWithDevicePlaceAndThisDevice()
    {
        var laptop = await BrowserAsync("list-sessions@example.com", Chrome, "DE");
        await BrowserAsync("list-sessions@example.com", Firefox);

        var sessions = await SessionsAsync(laptop);

        Assert.Equal(2, sessions.Length);
        Assert.True(sessions[0].GetProperty("current").GetBoolean());
        Assert.Equal("Chrome on Windows", sessions[0].GetProperty("device").GetString());
        Assert.Equal("DE", sessions[0].GetProperty("place").GetString());
        Assert.Equal("Firefox on Linux", sessions[1].GetProperty("device").GetString());
        Assert.False(sessions[1].GetProperty("current").GetBoolean());
    }

    [Fact]
    public async Task Delete_AnotherBrowser_ItsNextRequestIsRefusedAndThisOneStays()
    {
        var laptop = await BrowserAsync("end-browser@example.com", Chrome);
        var phone = await BrowserAsync("end-browser@example.com", Firefox);
        var other = (await SessionsAsync(laptop)).Single(s => !s.GetProperty("current").GetBoolean()).GetProperty("id").GetString();

        var deleted = await laptop.DeleteAsync($"/api/v1/users/me/sessions/{other}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/v1/users/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/api/v1/users/me")).StatusCode);
        Assert.Single(await SessionsAsync(laptop));
    }

    [Fact]
    public async Task Delete_ApiSession_ItsAccessTokenIsRefusedAtOnce()
    {
        var laptop = await BrowserAsync("end-api@example.com", Chrome);
        var script = factory.CreateClient();
        await script.SignInAsync("end-api@example.com");
        var api = (await SessionsAsync(laptop)).Single(s => s.GetProperty("kind").GetString() == "api").GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.NoContent, (await laptop.DeleteAsync($"/api/v1/users/me/sessions/{api}")).StatusCode);

        var after = await script.GetAsync("/api/v1/users/me");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("invalid_token", (await after.ProblemAsync()).Code());
    }

    [Fact]
    public async Task Delete_AnotherUsersSession_Is404AndTheirSessionStands()
    {
        var mine = await BrowserAsync("mine-sessions@example.com", Chrome);
        var theirs = await BrowserAsync("theirs-sessions@example.com", Firefox);
        var theirId = (await SessionsAsync(theirs)).Single().GetProperty("id").GetString();

        var response = await mine.DeleteAsync($"/api/v1/users/me/sessions/{theirId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not_found", (await response.ProblemAsync()).Code());
        Assert.Equal(HttpStatusCode.OK, (await theirs.GetAsync("/api/v1/users/me")).StatusCode);
    }

    [Fact]
    public async Task SignOutForm_EndsTheServerSession_SoACopiedCookieIsRefused()
    {
        var jar = new CookieContainerHandler();
        var browser = factory.CreateDefaultClient(new RedirectHandler(), jar);
        (await browser.PostDevLoginAsync("copied-cookie@example.com")).EnsureSuccessStatusCode();
        var copy = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", jar.Container.GetCookieHeader(browser.BaseAddress!));
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/api/v1/users/me")).StatusCode);

        var settings = await browser.GetStringAsync("/settings");
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = CookieSignIn.AntiforgeryToken(settings) });
        (await browser.PostAsync("/auth/logout", form)).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/v1/users/me")).StatusCode);
    }

    [Fact]
    public async Task LogoutEverywhere_LeavesNoSessionListed()
    {
        var laptop = await BrowserAsync("everywhere-list@example.com", Chrome);
        var script = factory.CreateClient();
        await script.SignInAsync("everywhere-list@example.com");

        Assert.Equal(HttpStatusCode.NoContent, (await script.PostAsync("/api/v1/auth/logout-everywhere", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await laptop.GetAsync("/api/v1/users/me")).StatusCode);
        var again = factory.CreateClient();
        await again.SignInAsync("everywhere-list@example.com");
        Assert.Single(await SessionsAsync(again));
    }
}
