using AdPilot.Core.Data;
using StackExchange.Redis;

namespace AdPilot.Web.Api;

/// <summary>An outage of a backing service (database, Redis) is a 503 the client may retry, not a bug.</summary>
internal static class ServiceUnavailable
{
    public const string Code = "service_unavailable";
    public const string Detail = "The service is temporarily unavailable. Try again shortly.";

    /// <summary>Seconds a client should wait before trying again.</summary>
    public const int RetryAfterSeconds = 5;

    public static bool Is(Exception? ex) => Transient.IsOutage(ex) || IsRedis(ex);

    private static bool IsRedis(Exception? ex) => ex switch
    {
        null => false,
        RedisConnectionException or RedisTimeoutException => true,
        _ => IsRedis(ex.InnerException),
    };

    public static void SetRetryAfter(HttpContext http) =>
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
