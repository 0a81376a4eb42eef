using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace AdPilot.Web.Tests.Support;

/// <summary>Binds the simulated platform as a browser does: connect → the platform's consent page → Allow → callback.</summary>
public static class SimulatedBinding
{
    /// <summary>Returns where the callback sent the browser (the accounts page with the outcome).</summary>
    public static async Task<string> BindSimulatedAsync(this HttpClient browser)
    {
        var connect = await browser.PostAsync("/api/v1/ad-accounts/connect/simulated", null);
        connect.EnsureSuccessStatusCode();
        var authorizeUrl = new Uri((await connect.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("authorizeUrl").GetString()!);
        var query = System.Web.HttpUtility.ParseQueryString(authorizeUrl.Query);
        Assert.Equal("S256", query["code_challenge_method"]);

        var consent = await browser.GetStringAsync(authorizeUrl.PathAndQuery);
        var decision = await browser.PostAsync("/simulated-platform/authorize", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = CookieSignIn.AntiforgeryToken(consent),
            ["redirect_uri"] = query["redirect_uri"]!,
            ["state"] = query["state"]!,
            ["code_challenge"] = query["code_challenge"]!,
            ["decision"] = "allow",
        }));
        Assert.Equal(HttpStatusCode.Redirect, decision.StatusCode);
        var callback = await browser.GetAsync(decision.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        return callback.Headers.Location!.ToString();
    }
}
