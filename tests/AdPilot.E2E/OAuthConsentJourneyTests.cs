using System.Net.Http.Json;
using System.Text.Json;
using AdPilot.E2E.Support;
using AdPilot.Web.Tests.OAuth;
using AdPilot.Web.Tests.Support;
using ModelContextProtocol.Client;

namespace AdPilot.E2E;

/// <summary>An MCP client connects with OAuth: it registers, the person signs in and allows in Chromium, the code is exchanged.</summary>
public sealed class OAuthConsentJourneyTests(BrowserFixture browser) : LiveAppTests(browser, new OAuthAppFactory())
{
    private const string Callback = "http://127.0.0.1:33418/callback";

    [Fact]
    public async Task McpClient_RegistersSignsInAndIsAllowed_ThenCallsMcp()
    {
        using var http = new HttpClient { BaseAddress = new Uri(Url) };
        using var registration = await http.PostAsJsonAsync("/oauth/register", new { client_name = "Journey Client", redirect_uris = new[] { Callback } });
        var clientId = (await registration.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("client_id").GetString()!;
        var (verifier, challenge) = OAuthFlow.Pkce();
        var resource = Url + "/mcp";

        await using var context = await Browser.NewConsentedContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
        var redirected = new TaskCompletionSource<Uri>();
        // The client's loopback listener: the browser's last stop, where the code arrives.
        await context.RouteAsync("http://127.0.0.1:33418/**", async route =>
        {
            redirected.TrySetResult(new Uri(route.Request.Url));
            await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/plain", Body = "You can close this window." });
        });
        var page = await context.NewPageAsync();

        await page.GotoAsync(Url + OAuthFlow.AuthorizeUrl(clientId, challenge, resource: resource, redirectUri: Callback));
        await page.WaitForURLAsync("**/login?returnUrl=**");
        await page.TestId("dev-email").FillAsync("oauth-journey@example.com");
        await page.TestId("dev-sign-in").ClickAsync();
        await page.WaitForURLAsync("**/oauth/consent?**");
        await Expect(page.TestId("oauth-client-name")).ToHaveTextAsync("Journey Client");
        await Expect(page.TestId("oauth-scope-write")).ToBeVisibleAsync();
        await page.TestId("oauth-allow").ClickAsync();

        var callback = await redirected.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal("xyz", OAuthFlow.Query(callback, "state"));
        using var token = await http.PostAsync("/oauth/token", OAuthFlow.Form(("grant_type", "authorization_code"), ("code", OAuthFlow.Query(callback, "code")),
            ("redirect_uri", Callback), ("client_id", clientId), ("code_verifier", verifier), ("resource", resource)));
        var tokens = await token.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(token.IsSuccessStatusCode, tokens.ToString());

        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(resource),
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + tokens.GetProperty("access_token").GetString() },
        });
        await using var mcp = await McpClient.CreateAsync(transport);
        Assert.Contains(await mcp.ListToolsAsync(), t => t.Name == "list_ad_accounts");
    }
}
