using AdPilot.Core.Storage;
using Microsoft.Extensions.Options;

namespace AdPilot.Web.Hosting.Security;

internal static class BrowserSecuritySetup
{
    public static void AddBrowserSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => ContentSecurityPolicy.For(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        // The antiforgery cookie is Secure over HTTPS (its default never is); plain-http localhost keeps working.
        builder.Services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
    }

    /// <summary>Security headers on every answer and the cross-site check of state-changing requests; goes first.</summary>
    public static void UseBrowserSecurity(this IApplicationBuilder app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<CrossSiteRequestMiddleware>();
    }
}
