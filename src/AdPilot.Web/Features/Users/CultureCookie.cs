using AdPilot.Core.Users;
using Microsoft.AspNetCore.Localization;

namespace AdPilot.Web.Features.Users;

/// <summary>The UI language travels in ASP.NET Core's culture cookie, written at sign-in and when the profile changes.</summary>
internal static class CultureCookie
{
    public static void Write(HttpContext http, string language)
    {
        var culture = SupportedLanguages.All.Contains(language) ? language : SupportedLanguages.Default;
        http.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps });
    }
}
