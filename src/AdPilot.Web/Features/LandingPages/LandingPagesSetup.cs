using AdPilot.Core.LandingPages;
using AdPilot.Web.Hosting;

namespace AdPilot.Web.Features.LandingPages;

internal static class LandingPagesSetup
{
    /// <summary>Landing pages (section <c>LandingPages</c>): the editor, publishing, public serving, tracking and leads.</summary>
    public static void AddLandingPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<LandingPageOptions>().Bind(builder.Configuration.GetSection(LandingPageOptions.Section))
            .ValidatePlainly()
            .ValidateOnStart();
    }

    public static void MapLandingPages(this IEndpointRouteBuilder app)
    {
        app.MapLandingPagesApi();
        app.MapPublicPages();
        app.MapPageTracking();
        app.MapPageImages();
    }
}
