namespace AdPilot.Web.Features.LandingPages;

/// <summary>
/// The editor's image upload (<c>POST /api/v1/landing-pages/{id}/images</c>), page images (<c>GET /p/assets/{pageId}/{file}</c>)
/// and the draft preview in a new tab (<c>GET /landing-pages/{id}/preview</c>, owner only).
/// </summary>
internal static class PageImageEndpoints
{
    public static void MapPageImages(this IEndpointRouteBuilder app)
    {
    }
}
