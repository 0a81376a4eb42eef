using System.Net;
using System.Text.RegularExpressions;
using AdPilot.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AdPilot.Web.Tests.Hosting.Security;

public sealed partial class SecurityHeadersTests(AdPilotFactory factory) : IClassFixture<AdPilotFactory>
{
    [Theory]
    [InlineData("/login")]
    [InlineData("/api/v1/users/me")] // 401 from the authentication handler
    [InlineData("/api/v1/campaigns/not-a-number")] // 404 from routing
    [InlineData("/api/v1/auth/refresh")] // 405
    public async Task EveryAnswer_CarriesTheHardeningHeaders(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Single(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Single(response, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", Single(response, "Content-Security-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExceptionAnswer_KeepsTheHeaders()
    {
        var client = factory.CreateClient();
        await client.SignInAsync("headers@example.com");

        var response = await client.GetAsync("/api/v1/campaigns/987654");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.StartsWith("default-src 'none'", Single(response, "Content-Security-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_PolicyAllowsOnlyOwnScripts_AndTheImportMapCarriesTheNonce()
    {
        var response = await factory.CreateClient().GetAsync("/login");
        var csp = Single(response, "Content-Security-Policy");
        var html = await response.Content.ReadAsStringAsync();

        var nonce = Regex.Match(csp, "script-src 'self' 'nonce-([^']+)';").Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", csp, StringComparison.Ordinal);
        Assert.All(InlineScripts().Matches(html), m => Assert.Contains($"nonce=\"{nonce}\"", m.Value, StringComparison.Ordinal));
        Assert.NotEqual(nonce, Regex.Match(Single(await factory.CreateClient().GetAsync("/login"), "Content-Security-Policy"), "'nonce-([^']+)'").Groups[1].Value);
    }

    [Fact]
    public async Task AntiforgeryCookie_OverHttps_IsSecure()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });

        var response = await client.GetAsync("/login");

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Docs_LoadNothingFromACdn_AndTheirScriptsCarryTheNonce()
    {
        var response = await factory.CreateClient().GetAsync("/docs");
        var html = await response.Content.ReadAsStringAsync();
        var nonce = Regex.Match(Single(response, "Content-Security-Policy"), "'nonce-([^']+)'").Groups[1].Value;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("https://", html.Replace("https://github.com", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("\"withDefaultFonts\":false", html.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        Assert.All(Regex.Matches(html, "<script[^>]*>"), m => Assert.Contains($"nonce=\"{nonce}\"", m.Value, StringComparison.Ordinal));
    }

    private static string Single(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out var values) || response.Content.Headers.TryGetValues(header, out values)
            ? values.Single()
            : throw new Xunit.Sdk.XunitException($"{header} is missing on {(int)response.StatusCode} {response.RequestMessage?.RequestUri}");

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>")]
    private static partial Regex InlineScripts();
}
