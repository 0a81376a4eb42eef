using System.Globalization;
using AdPilot.Core.Common;
using Microsoft.Extensions.Options;

namespace AdPilot.Web.Api.RateLimiting;

/// <summary>
/// Applies the rule its pipeline branch selects, in a sliding one-minute window. Every answer it lets through carries
/// X-RateLimit-Limit and X-RateLimit-Remaining, set when the response starts so an exception handler clearing the
/// response does not drop them; past the limit the answer is a 429 ProblemDetails with Retry-After.
/// </summary>
internal sealed class RateLimitMiddleware(
    RequestDelegate next, IRateCounter counter, TimeProvider clock, IOptions<RateLimitOptions> options,
    Func<HttpContext, RateLimitOptions, RateLimitRule?> select)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (select(http, options.Value) is not { } rule)
        {
            await next(http);
            return;
        }

        var window = SlidingWindow.At(clock.GetUtcNow());
        var count = await counter.TryAcquireAsync(rule.Key, window, rule.PermitsPerMinute, http.RequestAborted);
        var limit = rule.PermitsPerMinute.ToString(CultureInfo.InvariantCulture);
        var remaining = window.Remaining(count.Previous, count.Current, rule.PermitsPerMinute).ToString(CultureInfo.InvariantCulture);
        http.Response.OnStarting(() =>
        {
            http.Response.Headers["X-RateLimit-Limit"] = limit;
            http.Response.Headers["X-RateLimit-Remaining"] = remaining;
            return Task.CompletedTask;
        });
        if (!count.Acquired)
        {
            var retryAfter = window.RetryAfterSeconds(count.Previous, count.Current, rule.PermitsPerMinute);
            http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            AppMetrics.From(http.RequestServices).RateLimitRejected(rule.Name, http.User.Identity?.IsAuthenticated == true);
            await ApiProblems.WriteAsync(http, StatusCodes.Status429TooManyRequests, "rate_limited",
                $"Too many requests: the limit is {limit} per minute. Try again in {retryAfter} s.");
            return;
        }

        await next(http);
    }
}
