using System.Globalization;
using AdPilot.Core.Common;
using AdPilot.Web.Api.RateLimiting;

namespace AdPilot.Web.Features.LandingPages;

/// <summary>
/// The public landing-page endpoints' per-IP limits, counted by the app's rate counter (in process, or in Redis across
/// nodes) in the same sliding minute as the API's limits.
/// </summary>
internal static class PageRateLimit
{
    /// <summary>Null when the request is admitted (and counted); otherwise the seconds to wait, with Retry-After set.</summary>
    public static async Task<int?> AcquireAsync(HttpContext http, string name, int permitsPerMinute)
    {
        var rule = RateLimitRule.ForIp(name, permitsPerMinute, http);
        var window = SlidingWindow.At(http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
        var count = await http.RequestServices.GetRequiredService<IRateCounter>().TryAcquireAsync(rule.Key, window, permitsPerMinute, http.RequestAborted);
        if (count.Acquired)
        {
            return null;
        }

        var retryAfter = window.RetryAfterSeconds(count.Previous, count.Current, permitsPerMinute);
        http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        AppMetrics.From(http.RequestServices).RateLimitRejected(name, authenticated: false);
        return retryAfter;
    }
}
