using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdPilot.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AdPilot.Web.Tests.AdAccounts;

/// <summary>Binding the simulated platform over HTTP as a browser does, and owner scoping on every route.</summary>
public sealed class AdAccountsApiTests(AdPilotFactory factory) : IClassFixture<AdPilotFactory>
{
    private HttpClient Browser() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task Browser_BindsTheSimulatedPlatform_AndSeesItsAccounts()
    {
        var browser = Browser();
        await browser.PostDevLoginAsync("binder@example.com");

        Assert.Equal("/ad-accounts?connected=2&platform=simulated", await browser.BindSimulatedAsync());

        var accounts = await browser.GetFromJsonAsync<JsonElement>("/api/v1/ad-accounts");
        Assert.Equal(2, accounts.GetArrayLength());
        Assert.Equal(["simulated", "simulated"], accounts.EnumerateArray().Select(a => a.GetProperty("platform").GetString()));
        Assert.DoesNotContain("token\"", accounts.GetRawText(), StringComparison.OrdinalIgnoreCase); // no token fields leave the server
        Assert.DoesNotContain("sim_at", accounts.GetRawText(), StringComparison.Ordinal);
        var platforms = await browser.GetFromJsonAsync<JsonElement>("/api/v1/platforms");
        Assert.Contains(platforms.EnumerateArray(), p => p.GetProperty("platform").GetString() == "simulated" && p.GetProperty("available").GetBoolean());
        Assert.Contains(platforms.EnumerateArray(), p => p.GetProperty("platform").GetString() == "meta" && !p.GetProperty("available").GetBoolean());
    }

    [Fact]
    public async Task AnotherUsersAccountId_Is404_OnEveryRoute()
    {
        var owner = Browser();
        await owner.PostDevLoginAsync("owner-accounts@example.com");
        await owner.BindSimulatedAsync();
        var id = (await owner.GetFromJsonAsync<JsonElement>("/api/v1/ad-accounts"))[0].GetProperty("id").GetInt64();
        var intruder = factory.CreateClient();
        await intruder.SignInAsync("intruder-accounts@example.com");

        var responses = new[]
        {
            await intruder.GetAsync($"/api/v1/ad-accounts/{id}"),
            await intruder.DeleteAsync($"/api/v1/ad-accounts/{id}"),
            await intruder.PostAsync($"/api/v1/ad-accounts/{id}/refresh-token", null),
            await intruder.PutAsJsonAsync("/api/v1/ad-accounts/active", new { adAccountId = id }),
            await intruder.PostAsync($"/api/v1/ad-accounts/connect/simulated?reauthorizeAccountId={id}", null),
        };

        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("not_found", (await response.ProblemAsync()).Code());
        }

        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/v1/ad-accounts/{id}")).StatusCode);
        Assert.Equal(2, (await owner.GetFromJsonAsync<JsonElement>("/api/v1/ad-accounts")).GetArrayLength());
    }

    [Fact]
    public async Task UnknownOrUnconfiguredPlatforms_AndForeignRedirects_AreRefused()
    {
        var browser = Browser();
        await browser.PostDevLoginAsync("refused@example.com");

        var unknown = await browser.PostAsync("/api/v1/ad-accounts/connect/myspace", null);
        var meta = await browser.PostAsync("/api/v1/ad-accounts/connect/meta", null);
        var badState = await browser.GetAsync("/api/v1/ad-accounts/callback/simulated?code=x&state=forged");
        var consent = await browser.GetStringAsync("/simulated-platform/authorize?client_id=adpilot&state=s&redirect_uri=https%3A%2F%2Fevil.example%2Fsteal");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, meta.StatusCode);
        Assert.Equal("platform_not_configured", (await meta.ProblemAsync()).Code());
        Assert.Equal("/ad-accounts?error=invalid_state&platform=simulated", badState.Headers.Location!.ToString());
        Assert.Contains("sim-consent-invalid", consent, StringComparison.Ordinal);
        Assert.Empty((await browser.GetFromJsonAsync<JsonElement>("/api/v1/ad-accounts")).EnumerateArray());
    }

    [Fact]
    public async Task Unbind_RemovesTheAccount()
    {
        var browser = Browser();
        await browser.PostDevLoginAsync("unbind@example.com");
        await browser.BindSimulatedAsync();
        var id = (await browser.GetFromJsonAsync<JsonElement>("/api/v1/ad-accounts"))[0].GetProperty("id").GetInt64();

        Assert.Equal(HttpStatusCode.NoContent, (await browser.DeleteAsync($"/api/v1/ad-accounts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/api/v1/ad-accounts/{id}")).StatusCode);
        var left = await browser.GetFromJsonAsync<JsonElement>("/api/v1/ad-accounts");
        Assert.True(Assert.Single(left.EnumerateArray()).GetProperty("isActive").GetBoolean());
    }

}
