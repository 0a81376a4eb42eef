using System.ComponentModel.DataAnnotations;

namespace AdPilot.Core.Common.Net;

/// <summary>Section <c>SafeFetch</c>: limits of <see cref="SafeHttpFetcher"/>, the fetcher of URLs users give (ADR 021).</summary>
public sealed class SafeFetchOptions
{
    public const string Section = "SafeFetch";

    /// <summary>The whole fetch (every redirect and the body) must finish within this.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00", ErrorMessage = "SafeFetch:Timeout must be between 1 second and 30 minutes.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    [Range(0, 10, ErrorMessage = "SafeFetch:MaxRedirects must be between 0 and 10.")]
    public int MaxRedirects { get; set; } = 5;

    /// <summary>
    /// FOR TESTS ONLY: networks (CIDR, e.g. <c>127.0.0.1/32</c>) fetched from although they are private, so a test can
    /// serve files from loopback. Empty by default; the host refuses to start with it set outside Development.
    /// </summary>
    public List<string> TestOnlyAllowedNetworks { get; set; } = [];
}
