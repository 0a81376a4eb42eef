namespace AdPilot.Web.Features.LandingPages;

/// <summary>The public beacon (<c>POST /p/{slug}/events</c>) and lead form (<c>POST /p/{slug}/leads</c>): anonymous, rate limited per IP.</summary>
internal static class PageTrackingEndpoints
{
    public static void MapPageTracking(this IEndpointRouteBuilder app)
    {
    }
}
