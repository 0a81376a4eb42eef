using System.ComponentModel.DataAnnotations;

namespace AdPilot.Core.WebPages;

/// <summary>Section <c>WebPages</c>: limits of reading a web page a user links in chat (ADR 030); the SSRF guard is ADR 021's.</summary>
public sealed class WebPageOptions
{
    public const string Section = "WebPages";

    /// <summary>Largest HTML document read; a bigger one is refused (url_too_large).</summary>
    [Range(1_024, 20L * 1024 * 1024, ErrorMessage = "WebPages:MaxBytes must be between 1 KB and 20 MB.")]
    public long MaxBytes { get; set; } = 2L * 1024 * 1024;

    /// <summary>The whole fetch (redirects and body) must finish within this (url_timeout), well inside an agent turn.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00", ErrorMessage = "WebPages:Timeout must be between 1 second and 1 minute.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Reading the fetched HTML must finish within this (url_timeout): a hostile page of thousands of unclosed elements
    /// costs the HTML5 tree builder time that grows with the square of their number.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00", ErrorMessage = "WebPages:ParseTimeout must be between 0.1 second and 1 minute.")]
    public TimeSpan ParseTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
