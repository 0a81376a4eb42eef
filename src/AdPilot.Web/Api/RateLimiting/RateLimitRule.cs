using AdPilot.Core.Identity;
using AdPilot.Core.Platforms.Simulated;

namespace AdPilot.Web.Api.RateLimiting;

/// <summary>One limit applied to a request: its name (part of the counter key), permits per minute and partition.</summary>
internal sealed record RateLimitRule(string Name, int PermitsPerMinute, string Partition)
{
    private static readonly PathString[] SignInPaths = ["/auth", "/oauth", "/api/v1/ad-accounts/callback", SimulatedAdPlatform.ConsentPath];

    /// <summary>
    /// Per IP address, before authentication (the Google callback is answered inside the authentication middleware):
    /// sign-in endpoints, OAuth callbacks and AdPilot's own OAuth endpoints (client registration
    /// has its own, lower limit), and the local store's presigned files.
    /// </summary>
    public static RateLimitRule? PerIp(HttpContext http, RateLimitOptions options)
    {
        var path = http.Request.Path;
        if (path.StartsWithSegments("/oauth/register"))
        {
            return new("registration", options.ClientRegistrationsPerMinute, IpOf(http));
        }

        if (path.StartsWithSegments("/files"))
        {
            return new("files", options.FilesPermitsPerMinute, IpOf(http));
        }

        return SignInPaths.Any(p => path.StartsWithSegments(p)) ? new("signin", options.SignInPermitsPerMinute, IpOf(http)) : null;
    }

    /// <summary>The API's and the MCP server's per-user limits (per IP address when signed out), for what no per-IP rule covers.</summary>
    public static RateLimitRule? PerUser(HttpContext http, RateLimitOptions options)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<DisableApiRateLimit>() is not null || PerIp(http, options) is not null)
        {
            return null;
        }

        var partition = http.User.FindFirst(AppClaims.UserId)?.Value is { } userId ? "user:" + userId : IpOf(http);
        return http.Request.Path.StartsWithSegments("/mcp")
            ? new("mcp", options.McpPermitsPerMinute, partition)
            : new("api", options.PermitsPerMinute, partition);
    }

    /// <summary>The API's per-user rule, for work that arrives without an HTTP request of its own (a chat message on <c>/ws/chat</c>).</summary>
    public static RateLimitRule ApiForUser(long userId, RateLimitOptions options) => new("api", options.PermitsPerMinute, "user:" + userId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A limit per IP address that an endpoint applies itself (the public landing-page beacon and lead form).</summary>
    public static RateLimitRule ForIp(string name, int permitsPerMinute, HttpContext http) => new(name, permitsPerMinute, IpOf(http));

    /// <summary>The counter's key: one per rule and partition, shared by every node when Redis counts.</summary>
    public string Key => $"{Name}:{Partition}";

    private static string IpOf(HttpContext http) => "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}
