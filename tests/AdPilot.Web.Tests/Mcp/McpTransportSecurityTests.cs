using System.Net;
using System.Net.Http.Headers;
using AdPilot.Web.Tests.Support;

namespace AdPilot.Web.Tests.Mcp;

/// <summary>DNS-rebinding protection at /mcp: Host and Origin checks, before authentication (docs/decisions/022).</summary>
public sealed class McpTransportSecurityTests : IClassFixture<McpTransportSecurityTests.Host>
{
    private readonly Host _app;

    public McpTransportSecurityTests(Host app) => _app = app;

    public sealed class Host() : AdPilotFactory("Development", new Dictionary<string, string?>
    {
        ["Mcp:AllowedHosts:0"] = "adpilot.example.com",
        ["Mcp:AllowedOrigins:0"] = "https://console.example.org",
    });

    [Theory]
    [InlineData("localhost", null)]
    [InlineData("127.0.0.1:5080", "http://127.0.0.1:5080")]
    [InlineData("[::1]:5080", null)]
    [InlineData("adpilot.example.com", "https://adpilot.example.com")]
    [InlineData("adpilot.example.com", "https://console.example.org")]
    public async Task AllowedHostAndOrigin_ReachTheServer(string host, string? origin)
    {
        var user = await _app.SignInAsync($"mcp-host-ok-{Guid.NewGuid():N}@example.com");

        using var response = await SendAsync(host, origin, user.AccessToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("evil.example.com", "http://evil.example.com", "host_not_allowed")]
    [InlineData("evil.example.com", null, "host_not_allowed")]
    [InlineData("localhost", "http://evil.example.com", "origin_not_allowed")]
    [InlineData("localhost:5080", "http://localhost:6274", "origin_not_allowed")]
    [InlineData("localhost", "null", "origin_not_allowed")]
    public async Task RebindingOrForeignOrigin_Is403_EvenWithAValidToken(string host, string? origin, string code)
    {
        var user = await _app.SignInAsync($"mcp-host-bad-{Guid.NewGuid():N}@example.com");

        using var response = await SendAsync(host, origin, user.AccessToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(code, (await response.ProblemAsync()).Code());
    }

    [Fact]
    public async Task ForeignHost_WithoutToken_Is403_BeforeAuthentication()
    {
        using var response = await SendAsync("evil.example.com", "http://evil.example.com", bearer: null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(response.Headers.WwwAuthenticate);
    }

    [Fact]
    public async Task OtherRoutes_AreNotHostRestricted()
    {
        using var http = _app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Host = "evil.example.com";

        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(request)).StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(string host, string? origin, string? bearer)
    {
        using var http = _app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp")
        {
            Content = new StringContent(
                """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}""",
                System.Text.Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Host = host;
        request.Headers.Accept.ParseAdd("application/json, text/event-stream");
        if (origin is not null)
        {
            request.Headers.TryAddWithoutValidation("Origin", origin);
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await http.SendAsync(request);
    }
}
