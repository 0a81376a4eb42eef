using System.ComponentModel.DataAnnotations;

namespace AdPilot.Web.Api.RateLimiting;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimit";

    /// <summary>API requests one user (or, signed out, one IP address) may make in any 60 seconds.</summary>
    [Range(1, 1_000_000, ErrorMessage = "RateLimit:PermitsPerMinute must be between 1 and 1000000.")]
    public int PermitsPerMinute { get; set; } = 100;

    /// <summary>
    /// MCP requests (<c>/mcp</c>) one user may make in any 60 seconds, counted apart from the API's: an agent's turn calls
    /// several tools, so the budget is larger than the API's.
    /// </summary>
    [Range(1, 1_000_000, ErrorMessage = "RateLimit:McpPermitsPerMinute must be between 1 and 1000000.")]
    public int McpPermitsPerMinute { get; set; } = 600;

    /// <summary>Sign-in requests (<c>/auth/*</c>, OAuth callbacks, AdPilot's own OAuth endpoints, the simulated consent form) per IP address in any 60 seconds.</summary>
    [Range(1, 1_000_000, ErrorMessage = "RateLimit:SignInPermitsPerMinute must be between 1 and 1000000.")]
    public int SignInPermitsPerMinute { get; set; } = 30;

    /// <summary>OAuth client registrations (<c>/oauth/register</c>) per IP address in any 60 seconds.</summary>
    [Range(1, 1_000_000, ErrorMessage = "RateLimit:ClientRegistrationsPerMinute must be between 1 and 1000000.")]
    public int ClientRegistrationsPerMinute { get; set; } = 10;

    /// <summary>Presigned file requests (<c>/files/*</c>, local storage) per IP address in any 60 seconds.</summary>
    [Range(1, 1_000_000, ErrorMessage = "RateLimit:FilesPermitsPerMinute must be between 1 and 1000000.")]
    public int FilesPermitsPerMinute { get; set; } = 600;

    /// <summary>How long a request waits for Redis before it is counted in process instead.</summary>
    [Range(1, 1_000, ErrorMessage = "RateLimit:RedisTimeoutMilliseconds must be between 1 and 1000.")]
    public int RedisTimeoutMilliseconds { get; set; } = 50;
}
