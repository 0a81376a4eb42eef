using AdPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;
using static AdPilot.Web.Tests.OAuth.OAuthFlow;

namespace AdPilot.Web.Tests.OAuth;

/// <summary>No credential of the MCP surfaces reaches a log line, even at Trace level (OpenIddict, the MCP SDK, ASP.NET Core).</summary>
public sealed class SecretsInLogsTests
{
    [Fact]
    public async Task OAuthFlow_PersonalAccessTokens_AndToolCalls_NeverLogACredential()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = AdPilotFactory.With(
            settings: new Dictionary<string, string?> { ["RateLimit:ClientRegistrationsPerMinute"] = "1000", ["Logging:LogLevel:Default"] = "Trace" },
            services: s => s.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)));

        var tokens = await app.AuthorizeAsync("logs-oauth@example.com");
        await using (var client = await app.ConnectMcpAsync(tokens.AccessToken))
        {
            await client.SucceedsAsync("list_ad_accounts");
        }

        using var http = app.CreateClient();
        using var refresh = await http.PostAsync("/oauth/token", Form(("grant_type", "refresh_token"), ("refresh_token", tokens.RefreshToken), ("client_id", tokens.ClientId)));
        refresh.EnsureSuccessStatusCode();
        var user = await app.SignInAsync("logs-pat@example.com");
        var pat = await app.CreatePatAsync(user.Id);
        await using (var client = await app.ConnectMcpAsync(pat))
        {
            await client.SucceedsAsync("get_credit_balance");
        }

        var all = logs.All;
        Assert.NotEmpty(logs.Lines);
        foreach (var secret in new[] { tokens.AccessToken, tokens.RefreshToken, pat, user.AccessToken })
        {
            Assert.DoesNotContain(secret, all, StringComparison.Ordinal);
        }
    }
}
