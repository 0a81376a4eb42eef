using System.Net;
using System.Text.RegularExpressions;
using AdPilot.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AdPilot.Web.Tests.Identity;

/// <summary>The user menu's two sign-out forms: this browser only, or every session of the user.</summary>
public sealed partial class SignOutFormTests(AdPilotFactory factory) : IClassFixture<AdPilotFactory>
{
    [Fact]
    public async Task SignOutEverywhereForm_EndsOtherBrowsersAndApiTokens()
    {
        var here = await BrowserAsync("menu-everywhere@example.com");
        var other = await BrowserAsync("menu-everywhere@example.com");
        var script = factory.CreateClient();
        await script.SignInAsync("menu-everywhere@example.com");

        var response = await PostFormAsync(here, EverywhereFormToken(), everywhere: true);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await here.GetAsync("/api/v1/users/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/v1/users/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/v1/users/me")).StatusCode);
    }

    [Fact]
    public async Task SignOutForm_EndsOnlyThisBrowser()
    {
        var here = await BrowserAsync("menu-here@example.com");
        var other = await BrowserAsync("menu-here@example.com");
        var script = factory.CreateClient();
        await script.SignInAsync("menu-here@example.com");

        var response = await PostFormAsync(here, LogoutFormToken(), everywhere: false);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await here.GetAsync("/api/v1/users/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/users/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/v1/users/me")).StatusCode);
    }

    private async Task<HttpClient> BrowserAsync(string email)
    {
        var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostDevLoginAsync(email)).StatusCode);
        return browser;
    }

    /// <summary>Posts the form as the page renders it: its antiforgery token, and the hidden field of the everywhere form.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, Regex form, bool everywhere)
    {
        var page = await browser.GetStringAsync("/overview");
        var token = form.Match(page);
        Assert.True(token.Success, "the sign-out form is not on the page");
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = token.Groups[1].Value };
        if (everywhere)
        {
            fields["everywhere"] = "true";
        }

        return await browser.PostAsync("/auth/logout", new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("id=\"logout-form\"[^>]*>\\s*<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex LogoutFormToken();

    [GeneratedRegex("id=\"logout-everywhere-form\"[^>]*>\\s*<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex EverywhereFormToken();
}
