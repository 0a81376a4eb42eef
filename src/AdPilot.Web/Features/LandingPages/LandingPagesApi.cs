namespace AdPilot.Web.Features.LandingPages;

/// <summary>REST under <c>/api/v1/landing-pages</c>: CRUD, publish, unpublish, versions, rollback, leads (+ CSV), stats, templates.</summary>
internal static class LandingPagesApi
{
    public static void MapLandingPagesApi(this IEndpointRouteBuilder app)
    {
    }
}
