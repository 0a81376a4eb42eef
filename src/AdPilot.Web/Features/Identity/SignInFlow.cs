using AdPilot.Core.Users;
using AdPilot.Web.Features.Users;
using Microsoft.AspNetCore.Authentication;

namespace AdPilot.Web.Features.Identity;

/// <summary>What every sign-in ends with: the user created or found, a cookie session, and the UI in the user's language.</summary>
internal static class SignInFlow
{
    public static async Task<UserProfile> CompleteAsync(HttpContext http, ExternalIdentity identity)
    {
        var users = http.RequestServices.GetRequiredService<UserService>();
        var user = await users.SignInAsync(identity, http.RequestAborted);
        await http.SignInAsync(AuthSchemes.Cookie, user.ToPrincipal(AuthSchemes.Cookie));
        CultureCookie.Write(http, user.Language);
        return user;
    }

    /// <summary>Only local paths are followed after sign-in, so the login page cannot be used as an open redirect.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/overview";
}
