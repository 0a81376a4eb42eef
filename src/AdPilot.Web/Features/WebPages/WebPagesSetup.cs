using AdPilot.Core.WebPages;
using AdPilot.Web.Hosting;

namespace AdPilot.Web.Features.WebPages;

internal static class WebPagesSetup
{
    /// <summary>Reading web pages users link in chat (section <c>WebPages</c>), through the SSRF guard (section <c>SafeFetch</c>).</summary>
    public static void AddWebPages(this WebApplicationBuilder builder)
    {
        builder.AddSafeFetch();
        builder.Services.AddOptions<WebPageOptions>().Bind(builder.Configuration.GetSection(WebPageOptions.Section))
            .ValidatePlainly()
            .ValidateOnStart();
        builder.Services.AddSingleton<WebPageService>();
    }
}
