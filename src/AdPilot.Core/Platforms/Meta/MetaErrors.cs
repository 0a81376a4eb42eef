using System.Globalization;
using System.Net;
using System.Text.Json;

namespace AdPilot.Core.Platforms.Meta;

/// <summary>Graph API error JSON and usage headers to <see cref="PlatformException"/>, and what the pipeline may retry.</summary>
public static class MetaErrors
{
    public const string BusinessUsageHeader = "X-Business-Use-Case-Usage";
    public const string AppUsageHeader = "X-App-Usage";

    /// <summary>Usage (percent of Meta's quota) from which the client stops and reports RateLimited.</summary>
    public const double UsageLimit = 95;

    public static bool IsAuthCode(int code) => code is 190 or 102;

    public static bool IsThrottleCode(int code) => code is 4 or 17 or 32 or 613 or (>= 80000 and <= 80014);

    public static PlatformException ToException(HttpResponseMessage response, string body)
    {
        var error = Parse(body);
        var message = error?.Message is { Length: > 0 } m ? SecretRedaction.Redact(m) : $"Meta answered HTTP {(int)response.StatusCode}.";
        var code = error?.Code;
        var platformCode = code is null ? null : error?.ErrorSubcode is { } sub ? $"{code}/{sub}" : code.Value.ToString(CultureInfo.InvariantCulture);
        if (code is { } c && IsAuthCode(c) || response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return new PlatformException(PlatformErrorKind.AuthExpired, message, platformCode);
        }

        if (code is { } t && IsThrottleCode(t) || response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return new PlatformException(PlatformErrorKind.RateLimited, message, platformCode, RegainAccess(response));
        }

        if ((int)response.StatusCode >= 500 || error?.IsTransient == true || code is 1 or 2)
        {
            return new PlatformException(PlatformErrorKind.Transient, message, platformCode);
        }

        return new PlatformException(PlatformErrorKind.Validation, message, platformCode);
    }

    /// <summary>For the resilience pipeline: throttles and 5xx Meta will recover from soon enough to wait in-process.</summary>
    public static async ValueTask<bool> ShouldRetryAsync(HttpResponseMessage response, PlatformHttpOptions options)
    {
        if (response.IsSuccessStatusCode)
        {
            return false;
        }

        if (PlatformHttp.IsTransientStatus(response.StatusCode))
        {
            return PlatformHttp.IsIdempotent(response.RequestMessage);
        }

        var body = await response.Content.ReadAsStringAsync(); // buffers, so the client can read it again
        var code = Parse(body)?.Code;
        var throttled = response.StatusCode == HttpStatusCode.TooManyRequests || code is { } c && IsThrottleCode(c);
        return throttled && (RegainAccess(response) ?? TimeSpan.Zero) <= options.MaxRetryAfter;
    }

    /// <summary>The highest share of quota used, from X-Business-Use-Case-Usage or X-App-Usage (percent).</summary>
    public static double HighestUsage(HttpResponseMessage response) => Usages(response).Select(u => u.Highest).DefaultIfEmpty(0).Max();

    /// <summary>estimated_time_to_regain_access is in minutes; zero means "not blocked".</summary>
    public static TimeSpan? RegainAccess(HttpResponseMessage response)
    {
        var minutes = Usages(response).Select(u => u.EstimatedTimeToRegainAccess ?? 0).DefaultIfEmpty(0).Max();
        return minutes > 0 ? TimeSpan.FromMinutes(minutes) : null;
    }

    private static List<MetaUsage> Usages(HttpResponseMessage response)
    {
        var usages = new List<MetaUsage>();
        try
        {
            if (response.Headers.TryGetValues(BusinessUsageHeader, out var business))
            {
                // {"<business id>": [{"type": "ads_management", "call_count": 28, ..., "estimated_time_to_regain_access": 0}]}
                foreach (var json in business)
                {
                    var perBusiness = JsonSerializer.Deserialize<Dictionary<string, List<MetaUsage>>>(json, MetaJson.Options);
                    usages.AddRange(perBusiness?.Values.SelectMany(v => v) ?? []);
                }
            }

            if (response.Headers.TryGetValues(AppUsageHeader, out var app))
            {
                usages.AddRange(app.Select(json => JsonSerializer.Deserialize<MetaUsage>(json, MetaJson.Options)).OfType<MetaUsage>());
            }
        }
        catch (JsonException)
        {
            // A malformed usage header must not fail a call that succeeded.
        }

        return usages;
    }

    private static MetaError? Parse(string body)
    {
        try
        {
            return body.Length > 0 ? JsonSerializer.Deserialize<MetaErrorBody>(body, MetaJson.Options)?.Error : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
