using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace AdPilot.Core.Platforms;

/// <summary>Helpers shared by the platform clients: sending with failure normalisation, retry hints, query strings.</summary>
public static class PlatformHttp
{
    /// <summary>Marks a POST that only reads (a report, a search), so the resilience pipeline may retry it on a 5xx.</summary>
    public static readonly HttpRequestOptionsKey<bool> Idempotent = new("AdPilot.Platforms.Idempotent");

    public static bool IsIdempotent(HttpRequestMessage? request) =>
        request is not null
        && (request.Method == HttpMethod.Get || request.Method == HttpMethod.Delete || request.Method == HttpMethod.Head
            || (request.Options.TryGetValue(Idempotent, out var flagged) && flagged));

    public static HttpRequestMessage MarkIdempotent(this HttpRequestMessage request)
    {
        request.Options.Set(Idempotent, true);
        return request;
    }

    /// <summary>Sends and turns network failures, timeouts and an open circuit into <see cref="PlatformErrorKind.Transient"/>.</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, string platform, CancellationToken ct)
    {
        try
        {
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            await response.Content.LoadIntoBufferAsync(ct);
            return response;
        }
        catch (Exception ex) when (ex is not PlatformException && !ct.IsCancellationRequested)
        {
            // The message names the failure type only: exception messages of the HTTP stack can carry the URL.
            throw new PlatformException(PlatformErrorKind.Transient, $"{platform} could not be reached ({ex.GetType().Name}).", inner: ex);
        }
    }

    /// <summary>The Retry-After header as a delay, whether sent as seconds or as a date.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? Max(date - time.GetUtcNow()) : null;
    }

    public static bool IsTransientStatus(HttpStatusCode status) =>
        (int)status >= 500 || status == HttpStatusCode.RequestTimeout;

    public static string Query(IEnumerable<KeyValuePair<string, string?>> parameters) =>
        string.Join('&', parameters.Where(p => p.Value is not null)
            .Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value!)}"));

    public static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static MediaTypeHeaderValue ContentType(string contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed : new MediaTypeHeaderValue("application/octet-stream");

    private static TimeSpan Max(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value;
}
