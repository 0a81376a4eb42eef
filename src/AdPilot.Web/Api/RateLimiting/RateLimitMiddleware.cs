using System.Globalization;
using AdPilot.Core.Identity;
using Microsoft.Extensions.Options;

namespace AdPilot.Web.Api.RateLimiting;

/// <summary>
/// Per-user API rate limit in fixed one-minute windows. Every API answer carries X-RateLimit-Limit and
/// X-RateLimit-Remaining; past the limit the answer is a 429 ProblemDetails with Retry-After.
/// </summary>
internal sealed class RateLimitMiddleware(RequestDelegate next, IRateCounter counter, TimeProvider clock, IOptions<RateLimitOptions> options)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<DisableApiRateLimit>() is not null)
        {
            await next(http);
            return;
        }

        var limit = options.Value.PermitsPerMinute;
        var now = clock.GetUtcNow();
        var window = now.ToUnixTimeSeconds() / 60;
        var retryAfter = 60 - (int)(now.ToUnixTimeSeconds() % 60);
        var count = await counter.IncrementAsync(PartitionOf(http), window, TimeSpan.FromSeconds(retryAfter + 5), http.RequestAborted);

        http.Response.Headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["X-RateLimit-Remaining"] = Math.Max(0, limit - count).ToString(CultureInfo.InvariantCulture);
        if (count > limit)
        {
            http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            AdPilot.Core.Common.AppMetrics.From(http.RequestServices).RateLimitRejected("api", http.User.Identity?.IsAuthenticated == true);
            await ApiProblems.WriteAsync(http, StatusCodes.Status429TooManyRequests, "rate_limited",
                $"Too many requests: the limit is {limit} per minute. Try again in {retryAfter} s.");
            return;
        }

        await next(http);
    }

    private static string PartitionOf(HttpContext http) =>
        http.User.FindFirst(AppClaims.UserId)?.Value is { } userId
            ? "user:" + userId
            : "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}
