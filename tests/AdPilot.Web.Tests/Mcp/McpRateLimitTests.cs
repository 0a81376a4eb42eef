using System.Net;
using System.Net.Http.Headers;
using AdPilot.Web.Tests.Support;
using Xunit;

namespace AdPilot.Web.Tests.Mcp;

public sealed class McpRateLimitTests
{
    [Fact]
    public async Task Mcp_PastTheUsersBudget_Is429WithRetryAfter_AndTheApiBudgetIsSeparate()
    {
        await using var app = AdPilotFactory.With(settings: new Dictionary<string, string?> { ["RateLimit:McpPermitsPerMinute"] = "3" });
        var user = await app.SignInAsync("mcp-limit@example.com");
        using var http = app.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
        http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        http.DefaultRequestHeaders.Accept.ParseAdd("text/event-stream");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await http.PostAsync("/mcp", Ping(i));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.NotNull(response.Headers.RetryAfter);
                Assert.Contains("rate_limited", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v1/users/me")).StatusCode);
    }

    private static StringContent Ping(int id) =>
        new($$"""{"jsonrpc":"2.0","id":{{id}},"method":"ping"}""", System.Text.Encoding.UTF8, "application/json");
}
