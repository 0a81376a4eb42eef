using System.Globalization;
using System.Net;
using System.Text.Json;

namespace AdPilot.Core.Platforms.TikTok;

/// <summary>TikTok's <c>code</c> (sent with HTTP 200) to <see cref="PlatformException"/>, and what the pipeline may retry.</summary>
public static class TikTokErrors
{
    /// <summary>40102 expired, 40104 empty, 40105 invalid or revoked, 40110 no permission for the token.</summary>
    public static bool IsAuthCode(int code) => code is 40102 or 40104 or 40105 or 40110;

    /// <summary>40100 too many requests; 40133 and 51021 are TikTok's QPS throttles.</summary>
    public static bool IsThrottleCode(int code) => code is 40100 or 40133 or 51021;

    public static bool IsTransientCode(int code) => code >= 50000 && !IsThrottleCode(code);

    public static PlatformException ToException(int code, string? message, HttpStatusCode status)
    {
        var text = message is { Length: > 0 } ? SecretRedaction.Redact(message) : $"TikTok answered code {code} (HTTP {(int)status}).";
        var platformCode = code.ToString(CultureInfo.InvariantCulture);
        var kind = code switch
        {
            _ when IsAuthCode(code) || status == HttpStatusCode.Unauthorized => PlatformErrorKind.AuthExpired,
            _ when IsThrottleCode(code) || status == HttpStatusCode.TooManyRequests => PlatformErrorKind.RateLimited,
            _ when IsTransientCode(code) || PlatformHttp.IsTransientStatus(status) => PlatformErrorKind.Transient,
            _ => PlatformErrorKind.Validation,
        };
        return new PlatformException(kind, text, platformCode);
    }

    /// <summary>For the resilience pipeline: HTTP 429/5xx, and throttle or server codes inside a 200.</summary>
    public static async ValueTask<bool> ShouldRetryAsync(HttpResponseMessage response, PlatformHttpOptions options)
    {
        _ = options;
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return true;
        }

        if (PlatformHttp.IsTransientStatus(response.StatusCode))
        {
            return PlatformHttp.IsIdempotent(response.RequestMessage);
        }

        if (!response.IsSuccessStatusCode)
        {
            return false;
        }

        var code = Code(await response.Content.ReadAsStringAsync());
        return code is { } c && (IsThrottleCode(c) || IsTransientCode(c) && PlatformHttp.IsIdempotent(response.RequestMessage));
    }

    private static int? Code(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("code", out var code) && code.TryGetInt32(out var value) ? value : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
