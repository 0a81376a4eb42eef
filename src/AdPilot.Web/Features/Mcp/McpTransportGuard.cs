using AdPilot.Web.Api;
using AdPilot.Web.Hosting.Security;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace AdPilot.Web.Features.Mcp;

/// <summary>
/// DNS-rebinding protection for <c>/mcp</c>: the Host must be one this server answers to, and an Origin, when a browser
/// sends one, must be the server's own or an allowed one. Runs before authentication, so a page on another site learns
/// nothing, not even whether a token would have worked.
/// </summary>
internal sealed class McpTransportGuard(RequestDelegate next, IOptions<McpTransportOptions> options, IConfiguration configuration)
{
    private static readonly string[] Loopback = ["localhost", "127.0.0.1", "[::1]"];

    private readonly StringSegment[] _hosts = [.. Loopback.Concat(options.Value.AllowedHosts).Concat(AspNetAllowedHosts(configuration)).Select(h => new StringSegment(h))];
    private readonly HashSet<string> _origins = options.Value.AllowedOrigins.Select(o => o.TrimEnd('/')).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext http)
    {
        if (!HostString.MatchesAny(http.Request.Host.Host, _hosts))
        {
            await ApiProblems.WriteAsync(http, StatusCodes.Status403Forbidden, "host_not_allowed",
                "This MCP server does not answer to this host name. Its operator can add it to Mcp:AllowedHosts.");
            return;
        }

        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length > 0 && !CrossSiteRequestMiddleware.IsSameOrigin(origin, http.Request) && !_origins.Contains(origin))
        {
            await ApiProblems.WriteAsync(http, StatusCodes.Status403Forbidden, "origin_not_allowed",
                "Requests from this web page's origin are not allowed. The server's operator can add it to Mcp:AllowedOrigins.");
            return;
        }

        await next(http);
    }

    private static IEnumerable<string> AspNetAllowedHosts(IConfiguration configuration) =>
        (configuration["AllowedHosts"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(h => h != "*");
}
