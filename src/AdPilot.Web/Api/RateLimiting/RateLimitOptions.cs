using System.ComponentModel.DataAnnotations;

namespace AdPilot.Web.Api.RateLimiting;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimit";

    /// <summary>API requests one user (or, signed out, one IP address) may make per minute.</summary>
    [Range(1, 1_000_000, ErrorMessage = "RateLimit:PermitsPerMinute must be between 1 and 1000000.")]
    public int PermitsPerMinute { get; set; } = 100;
}
