namespace AdPilot.Web.Features.LandingPages;

/// <summary>GET/HEAD <c>/p/{slug}</c>: the published HTML with a strong ETag and Cache-Control; 404 when not published.</summary>
internal static class PublicPageEndpoints
{
    public static void MapPublicPages(this IEndpointRouteBuilder app)
    {
    }
}
