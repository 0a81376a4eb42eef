using System.Globalization;
using AdPilot.Core.LandingPages;
using AdPilot.Web.Hosting.Security;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace AdPilot.Web.Features.LandingPages;

/// <summary>GET/HEAD <c>/p/{slug}</c>: the published HTML with a strong ETag and Cache-Control; 404 when not published.</summary>
internal static class PublicPageEndpoints
{
    private const string NotFoundHtml =
        "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
        + "<meta name=\"robots\" content=\"noindex\"><title>Page not found</title>"
        + "<p style=\"font-family:system-ui,sans-serif;text-align:center;margin-top:20vh\">This page does not exist or is no longer published.</p></html>";

    private static readonly byte[] NotFoundBytes = System.Text.Encoding.UTF8.GetBytes(NotFoundHtml);

    public static void MapPublicPages(this IEndpointRouteBuilder app) =>
        app.MapMethods("/p/{slug}", [HttpMethods.Get, HttpMethods.Head], ServePublishedPage).AllowAnonymous().ExcludeFromDescription();

    /// <summary>From this node's memory when it has the page (no database read), else from storage; never the app shell.</summary>
    private static async Task ServePublishedPage(
        string slug, HttpContext http, LandingPagePublisher publisher, IOptions<LandingPageOptions> options, CancellationToken ct)
    {
        SecurityHeadersMiddleware.UsePublishedPagePolicy(http);
        var response = http.Response;
        var page = await publisher.ReadAsync(slug, ct);
        if (page is null)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            response.Headers.CacheControl = "no-cache";
            await WriteAsync(http, NotFoundBytes, ct);
            return;
        }

        response.Headers.ETag = page.ETag;
        response.Headers.CacheControl = "public, max-age=" + options.Value.MaxAgeSeconds.ToString(CultureInfo.InvariantCulture);
        if (Matches(http.Request, page.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        await WriteAsync(http, page.Html, ct);
    }

    private static async Task WriteAsync(HttpContext http, byte[] html, CancellationToken ct)
    {
        http.Response.ContentType = LandingPagePublisher.HtmlContentType;
        http.Response.ContentLength = html.Length;
        if (!HttpMethods.IsHead(http.Request.Method))
        {
            await http.Response.Body.WriteAsync(html, ct);
        }
    }

    /// <summary>If-None-Match uses the weak comparison (RFC 9110 13.1.2); <c>*</c> matches any current page.</summary>
    private static bool Matches(HttpRequest request, string etag)
    {
        var ifNoneMatch = request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch is not { Count: > 0 })
        {
            return false;
        }

        var current = EntityTagHeaderValue.Parse(etag);
        return ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }
}
