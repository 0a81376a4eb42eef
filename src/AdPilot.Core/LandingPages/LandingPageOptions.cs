using System.ComponentModel.DataAnnotations;

namespace AdPilot.Core.LandingPages;

/// <summary>Section <c>LandingPages</c>.</summary>
public sealed class LandingPageOptions
{
    public const string Section = "LandingPages";

    /// <summary>
    /// AdPilot's own public address (e.g. <c>https://app.example.com</c>), written into published pages for the beacon and
    /// the lead form when the page is served from elsewhere (S3/CDN). Empty: same-origin paths (the local store).
    /// </summary>
    [Common.HttpUrl]
    public string PublicBaseUrl { get; set; } = "";

    /// <summary>How long a node keeps a published page in memory before it reads storage again (publish and unpublish clear it on the node that did them).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "LandingPages:CacheFor must be between 0 and 1 hour.")]
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Browser/CDN caching of <c>/p/{slug}</c> (<c>Cache-Control: public, max-age</c>); revalidation uses the ETag.</summary>
    [Range(0, 86_400, ErrorMessage = "LandingPages:MaxAgeSeconds must be between 0 and 86400.")]
    public int MaxAgeSeconds { get; set; } = 60;

    /// <summary>Beacon events one IP address may send in any 60 seconds (all pages); more are dropped.</summary>
    [Range(1, 100_000, ErrorMessage = "LandingPages:EventsPerMinute must be between 1 and 100000.")]
    public int EventsPerMinute { get; set; } = 120;

    /// <summary>Lead form posts one IP address may send in any 60 seconds (all pages); more get 429.</summary>
    [Range(1, 10_000, ErrorMessage = "LandingPages:LeadsPerMinute must be between 1 and 10000.")]
    public int LeadsPerMinute { get; set; } = 5;

    /// <summary>Largest picture the editor accepts for a page (after the browser has resized it).</summary>
    [Range(1, 50L * 1024 * 1024, ErrorMessage = "LandingPages:MaxImageBytes must be between 1 byte and 50 MB.")]
    public long MaxImageBytes { get; set; } = 5L * 1024 * 1024;
}
