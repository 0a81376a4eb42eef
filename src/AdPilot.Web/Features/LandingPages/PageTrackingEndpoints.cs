using System.Text.Json;
using AdPilot.Core.LandingPages;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace AdPilot.Web.Features.LandingPages;

/// <summary>
/// The public beacon (<c>POST /p/{slug}/events</c>) and lead form (<c>POST /p/{slug}/leads</c>): anonymous, cookieless,
/// rate limited per IP, open to any origin (a page may be served from a CDN), no antiforgery token (docs/decisions/034).
/// </summary>
internal static class PageTrackingEndpoints
{
    public const int MaxEventBytes = 1024;
    public const int MaxLeadBytes = 16 * 1024;

    public static void MapPageTracking(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/p/{slug}").AllowAnonymous().DisableAntiforgery().ExcludeFromDescription().AddEndpointFilter(async (context, next) =>
        {
            // Machine answers: never the UI's "not found" page; any origin may read them (no credentials are involved).
            if (context.HttpContext.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }

            context.HttpContext.Response.OnStarting(state => AllowAnyOrigin((HttpResponse)state), context.HttpContext.Response);
            return await next(context);
        });
        group.MapPost("/events", RecordEvent);
        group.MapPost("/leads", LeadEndpoint.SubmitAsync);
        group.MapMethods("/events", [HttpMethods.Options], Preflight);
        group.MapMethods("/leads", [HttpMethods.Options], Preflight);
    }

    /// <summary>
    /// Always 204 for a well-formed event, counted or not (a bot, an unknown page, a click on no CTA): a caller learns
    /// nothing. 400 for a malformed body, 429 past the per-IP limit (nothing counted).
    /// </summary>
    private static async Task<IResult> RecordEvent(string slug, HttpContext http, LandingPageTracking tracking, IOptions<LandingPageOptions> options)
    {
        if (await PageRateLimit.AcquireAsync(http, "lp-events", options.Value.EventsPerMinute) is { } wait)
        {
            return Problem(StatusCodes.Status429TooManyRequests, "rate_limited", $"Too many events from this address. Try again in {wait} s.");
        }

        var mediaType = http.Request.ContentType?.Split(';')[0].Trim();
        if (mediaType is not (null or "" or "text/plain" or "application/json"))
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type", "Send the event as text/plain or application/json.");
        }

        if (http.Request.ContentLength > MaxEventBytes)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "payload_too_large", $"An event is at most {MaxEventBytes} bytes.");
        }

        var body = await ReadSmallBodyAsync(http, MaxEventBytes);
        if (body is null || Parse(body) is not { } e)
        {
            return Problem(StatusCodes.Status400BadRequest, "invalid_event", "Send {\"type\":\"view\"} or {\"type\":\"click\",\"block\":\"<block id>\"}.");
        }

        var visitor = new Visitor(http.Request.Headers.UserAgent.ToString(), http.Connection.RemoteIpAddress?.ToString());
        await tracking.RecordAsync(slug, e.Type, e.Block, visitor, http.RequestAborted);
        return TypedResults.NoContent();
    }

    /// <summary>Up to <paramref name="limit"/> bytes of the body; null when it is longer.</summary>
    private static async Task<byte[]?> ReadSmallBodyAsync(HttpContext http, int limit)
    {
        var buffer = new byte[limit + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await http.Request.Body.ReadAsync(buffer.AsMemory(read), http.RequestAborted)) > 0)
        {
            read += n;
        }

        return read > limit ? null : buffer[..read];
    }

    private static (PageEventType Type, string? Block)? Parse(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            string? block = null;
            if (root.TryGetProperty("block", out var b))
            {
                if (b.ValueKind != JsonValueKind.String || b.GetString() is not { Length: >= 1 and <= 40 } id)
                {
                    return null;
                }

                block = id;
            }

            return type.GetString() switch
            {
                "view" => (PageEventType.View, null),
                "click" when block is not null => (PageEventType.Click, block),
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A CORS preflight (a client sending JSON): POST from any origin, no credentials.</summary>
    private static Microsoft.AspNetCore.Http.HttpResults.NoContent Preflight(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.AccessControlAllowMethods = "POST, OPTIONS";
        headers.AccessControlAllowHeaders = "Content-Type, Accept";
        headers.AccessControlMaxAge = "86400";
        return TypedResults.NoContent();
    }

    private static Task AllowAnyOrigin(HttpResponse response)
    {
        response.Headers.AccessControlAllowOrigin = "*";
        return Task.CompletedTask;
    }

    internal static IResult Problem(int status, string code, string detail, IDictionary<string, string[]>? errors = null)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (errors is not null)
        {
            extensions["errors"] = errors;
        }

        return TypedResults.Problem(detail: detail, statusCode: status, extensions: extensions);
    }
}
