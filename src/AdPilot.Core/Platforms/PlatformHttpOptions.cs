using System.ComponentModel.DataAnnotations;

namespace AdPilot.Core.Platforms;

/// <summary>Resilience settings shared by the Meta, TikTok and Google Ads clients (section <c>Platforms:Http</c>).</summary>
public sealed class PlatformHttpOptions
{
    public const string Section = "Platforms:Http";

    /// <summary>First retry delay; later ones grow exponentially with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>A platform asking us to wait longer than this is not retried in-process: the caller gets RateLimited.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
