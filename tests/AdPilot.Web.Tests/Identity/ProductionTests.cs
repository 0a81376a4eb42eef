using System.Net;
using System.Net.Http.Json;
using AdPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AdPilot.Web.Tests.Identity;

public sealed class ProductionFactory() : AdPilotFactory("Production", null);

/// <summary>The embedded defaults also start in Production, with dev sign-in off.</summary>
public sealed class ProductionTests(ProductionFactory factory) : IClassFixture<ProductionFactory>
{
    [Fact]
    public async Task DevToken_InProduction_DoesNotExist()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/v1/auth/dev-token", new { email = "intruder@example.com" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not_found", (await response.ProblemAsync()).Code());
    }

    [Fact]
    public async Task LoginPage_InProduction_HasNoDevSignIn_AndSaysGoogleIsNotConfigured()
    {
        var login = await factory.CreateClient().GetStringAsync("/login");

        Assert.DoesNotContain("dev-sign-in-form", login, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"google-not-configured\"", login, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DevLoginForm_InProduction_IsRefused()
    {
        var response = await factory.CreateClient().PostAsync("/auth/dev-login",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "intruder@example.com" }));

        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("adpilot.session", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Recharge_InProductionWithoutStripe_SaysPaymentsAreNotConfigured()
    {
        var client = factory.CreateClient();
        var users = factory.Services.GetRequiredService<AdPilot.Core.Users.UserService>();
        var user = await users.SignInAsync(new AdPilot.Core.Users.ExternalIdentity("google", "prod-buyer", "prod@example.com", null, null));
        var token = await factory.Services.GetRequiredService<AdPilot.Core.Identity.TokenService>().IssueAsync(user.Id);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.AccessToken);

        var response = await client.PostAsJsonAsync("/api/v1/billing/recharge-orders", new { packageId = "starter" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("payments_not_configured", (await response.ProblemAsync()).Code());
        Assert.Empty((await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/billing/recharge-orders")).EnumerateArray());
    }

    [Fact]
    public async Task Health_InProductionWithEmbeddedDefaults_IsReady()
    {
        var response = await factory.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "adpilot.db")));
    }
}
