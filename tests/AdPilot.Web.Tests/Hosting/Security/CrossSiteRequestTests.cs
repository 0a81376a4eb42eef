using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using AdPilot.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AdPilot.Web.Tests.Hosting.Security;

/// <summary>
/// State-changing requests authenticated by the session cookie are refused when a browser says they come from another
/// site, and still work from AdPilot's own pages. Every unsafe route is covered by the same middleware; these are the
/// routes the attack was shown on.
/// </summary>
public sealed partial class CrossSiteRequestTests(AdPilotFactory factory) : IClassFixture<AdPilotFactory>
{
    public static TheoryData<string, string, string?, string> CookieRoutes => new()
    {
        { "POST", "/api/v1/campaigns/1/pause", null, "application/json" },
        { "POST", "/api/v1/campaigns/1/resume", null, "application/json" },
        { "PATCH", "/api/v1/users/me", """{"name":"Mallory"}""", "application/json" },
        { "POST", "/api/v1/billing/recharge-orders", """{"packageId":"growth"}""", "application/json" },
        { "POST", "/api/v1/notifications/read-all", "x", "text/plain" },
        { "POST", "/api/v1/auth/token", null, "application/json" },
    };

    [Theory]
    [MemberData(nameof(CookieRoutes))]
    public async Task CookieRequest_FromAnotherOrigin_Is403CrossSiteRequest(string method, string path, string? body, string contentType)
    {
        var browser = await SignedInBrowserAsync("victim@example.com");

        var response = await browser.SendAsync(Request(method, path, body, contentType, origin: "https://evil.example"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("cross_site_request", (await response.ProblemAsync()).Code());
    }

    [Theory]
    [MemberData(nameof(CookieRoutes))]
    public async Task CookieRequest_FromTheAppsOwnPages_IsServed(string method, string path, string? body, string contentType)
    {
        var browser = await SignedInBrowserAsync("owner@example.com");
        var request = Request(method, path, body, contentType, origin: "http://localhost");
        request.Headers.Add("Sec-Fetch-Site", "same-origin");

        var response = await browser.SendAsync(request);

        // Not found (no campaign 1) or refused for another reason is fine: the request reached its handler.
        Assert.False(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path} was refused: {await response.Content.ReadAsStringAsync()}");
        Assert.True((int)response.StatusCode < 500, $"{method} {path} answered {(int)response.StatusCode}");
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Origin", "null")]
    [InlineData("Origin", "http://localhost:8443")]
    public async Task CookieRequest_AnyCrossSiteSignal_IsRefused(string header, string value)
    {
        var browser = await SignedInBrowserAsync("signals@example.com");
        var request = Request("PATCH", "/api/v1/users/me", """{"name":"Mallory"}""", "application/json", origin: null);
        request.Headers.Add(header, value);

        var response = await browser.SendAsync(request);

        Assert.Equal("cross_site_request", (await response.ProblemAsync()).Code());
    }

    [Fact]
    public async Task BearerRequest_WithAForeignOrigin_IsServed()
    {
        // A bearer token is never attached by the browser on its own, so another site cannot forge it.
        var client = factory.CreateClient();
        await client.SignInAsync("script@example.com");

        var response = await client.SendAsync(Request("PATCH", "/api/v1/users/me", """{"name":"Script"}""", "application/json", origin: "https://tool.example"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task DevLogin_FromAnotherSite_IsRefused()
    {
        var browser = Browser();
        var login = await browser.GetStringAsync("/login");
        var request = new HttpRequestMessage(HttpMethod.Post, "/auth/dev-login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = AntiforgeryField().Match(login).Groups[1].Value,
                ["email"] = "planted@example.com",
            }),
        };
        request.Headers.Add("Origin", "https://evil.example");

        var response = await browser.SendAsync(request);

        Assert.Equal("cross_site_request", (await response.ProblemAsync()).Code());
    }

    [Fact]
    public async Task LogoutForm_WithoutItsAntiforgeryToken_IsRefused_AndWithIt_SignsOut()
    {
        var browser = await SignedInBrowserAsync("leaving@example.com");

        var forged = await browser.PostAsync("/auth/logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("antiforgery_failed", (await forged.ProblemAsync()).Code());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/users/me")).StatusCode);

        var page = await browser.GetStringAsync("/overview");
        var token = LogoutFormToken().Match(page).Groups[1].Value;
        var logout = await browser.PostAsync("/auth/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/users/me")).StatusCode);
    }

    private HttpClient Browser() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<HttpClient> SignedInBrowserAsync(string email)
    {
        var browser = Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostDevLoginAsync(email)).StatusCode);
        return browser;
    }

    private static HttpRequestMessage Request(string method, string path, string? body, string contentType, string? origin)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = body is null ? null : new StringContent(body, Encoding.UTF8, MediaTypeHeaderValue.Parse(contentType)),
        };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return request;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("id=\"logout-form\"[^>]*>\\s*<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex LogoutFormToken();
}
