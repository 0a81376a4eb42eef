using System.Globalization;
using System.Net;
using System.Text.Json;

namespace AdPilot.Core.Platforms.GoogleAds;

/// <summary>Google's error JSON (API and OAuth endpoint) to <see cref="PlatformException"/>, and what the pipeline may retry.</summary>
public static class GoogleAdsErrors
{
    public static PlatformException ToException(HttpResponseMessage response, string body, TimeProvider time)
    {
        var (status, message) = Parse(body);
        var text = SecretRedaction.Redact(message ?? $"Google Ads answered HTTP {(int)response.StatusCode}.");
        var code = status ?? ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        var kind = (response.StatusCode, status) switch
        {
            (HttpStatusCode.Unauthorized, _) or (_, "UNAUTHENTICATED" or "invalid_grant") => PlatformErrorKind.AuthExpired,
            (HttpStatusCode.TooManyRequests, _) or (_, "RESOURCE_EXHAUSTED") => PlatformErrorKind.RateLimited,
            (HttpStatusCode.NotFound, _) or (_, "NOT_FOUND") => PlatformErrorKind.NotFound,
            var (s, _) when PlatformHttp.IsTransientStatus(s) => PlatformErrorKind.Transient,
            _ => PlatformErrorKind.Validation,
        };
        var retryAfter = kind == PlatformErrorKind.RateLimited ? PlatformHttp.RetryAfter(response, time) : null;
        return new PlatformException(kind, text, code, retryAfter);
    }

    /// <summary>For the resilience pipeline: 429 (unless Google asks for a long wait) and 5xx on reads.</summary>
    public static ValueTask<bool> ShouldRetryAsync(HttpResponseMessage response, PlatformHttpOptions options, TimeProvider time)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return ValueTask.FromResult((PlatformHttp.RetryAfter(response, time) ?? TimeSpan.Zero) <= options.MaxRetryAfter);
        }

        return ValueTask.FromResult(PlatformHttp.IsTransientStatus(response.StatusCode) && PlatformHttp.IsIdempotent(response.RequestMessage));
    }

    /// <summary>The status (<c>INVALID_ARGUMENT</c>, or OAuth's <c>invalid_grant</c>) and the most specific message.</summary>
    internal static (string? Status, string? Message) Parse(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement.ValueKind == JsonValueKind.Array && json.RootElement.GetArrayLength() > 0
                ? json.RootElement[json.RootElement.GetArrayLength() - 1]
                : json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("error", out var error))
            {
                return (null, null);
            }

            if (error.ValueKind == JsonValueKind.String)
            {
                // OAuth: {"error": "invalid_grant", "error_description": "Token has been expired or revoked."}
                return (error.GetString(), root.TryGetProperty("error_description", out var d) ? d.GetString() : error.GetString());
            }

            var status = error.TryGetProperty("status", out var s) ? s.GetString() : null;
            var message = error.TryGetProperty("message", out var m) ? m.GetString() : null;
            return (status, DetailMessage(error) ?? message);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    /// <summary>GoogleAdsFailure details carry the useful message ("Budget amount too small").</summary>
    private static string? DetailMessage(JsonElement error)
    {
        if (!error.TryGetProperty("details", out var details) || details.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var detail in details.EnumerateArray())
        {
            if (detail.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                var messages = errors.EnumerateArray().Select(e => e.TryGetProperty("message", out var m) ? m.GetString() : null).OfType<string>().ToList();
                if (messages.Count > 0)
                {
                    return string.Join("; ", messages);
                }
            }
        }

        return null;
    }
}
