using AdPilot.Web.Api;

namespace AdPilot.Web.Hosting.Security;

/// <summary>
/// Refuses state-changing requests that a browser sent from another site, unless they carry a bearer token (which a
/// browser never attaches by itself, so it cannot be forged cross-site). The session cookie is SameSite=Lax; this also
/// covers sibling subdomains ("same-site"), browsers without SameSite, and anonymous posts (login CSRF).
/// </summary>
internal sealed class CrossSiteRequestMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (!IsSafe(http.Request.Method) && !CarriesToken(http.Request) && !IsCookieless(http.Request.Path) && IsCrossSite(http.Request))
        {
            await ApiProblems.WriteAsync(http, StatusCodes.Status403Forbidden, "cross_site_request",
                "This request came from another site. Use AdPilot's own pages, or call the API with a bearer token.");
            return;
        }

        await next(http);
    }

    /// <summary>
    /// The browser's own word first (Sec-Fetch-Site: only same-origin and user-initiated pass), else Origin must name
    /// this host. A request with neither is not from a browser page (browsers send Origin on every cross-origin
    /// unsafe request), so it passes: API clients, curl, webhooks and the test host send none.
    /// </summary>
    internal static bool IsCrossSite(HttpRequest request)
    {
        if (request.Headers["Sec-Fetch-Site"].ToString() is { Length: > 0 } site)
        {
            return site is not ("same-origin" or "none");
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return false;
        }

        return !IsSameOrigin(origin, request);
    }

    /// <summary>Whether an Origin header names this request's own host and port. "null" (sandboxed frames, privacy redirects) does not parse, so it never is.</summary>
    internal static bool IsSameOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && string.Equals(uri.Host, request.Host.Host, StringComparison.OrdinalIgnoreCase)
        && uri.Port == (request.Host.Port ?? (uri.Scheme == Uri.UriSchemeHttps ? 443 : 80));

    private static bool IsSafe(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);

    /// <summary>
    /// OAuth endpoints that MCP clients call from anywhere (a browser-based client included) and that never read the
    /// session cookie: a code with its PKCE verifier, a refresh token or a registration is the whole credential, so a
    /// forged cross-site request gains nothing. The consent form (<c>/oauth/authorize</c>) stays checked.
    /// </summary>
    private static readonly PathString[] CookielessPaths = ["/oauth/token", "/oauth/revoke", "/oauth/register"];

    private static bool IsCookieless(PathString path) => CookielessPaths.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase)) || IsLandingPagePost(path);

    /// <summary>
    /// A published landing page's beacon and lead form (<c>/p/{slug}/events</c>, <c>/p/{slug}/leads</c>): anonymous, they
    /// never read the session cookie, and the page posting them may be served from a CDN on another origin (ADR 034).
    /// </summary>
    private static bool IsLandingPagePost(PathString path) =>
        path.Value?.Split('/') is ["", "p", var slug, "events" or "leads"] && Core.LandingPages.SlugAttribute.IsSlug(slug);

    private static bool CarriesToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        || (request.Path.StartsWithSegments("/hubs") && request.Query.ContainsKey("access_token"));
}
