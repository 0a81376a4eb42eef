using System.Text;
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

    /// <summary>
    /// Only local paths are followed after sign-in, so the login page cannot be used as an open redirect. Control
    /// characters and whitespace fall back to the default too; other non-ASCII characters are percent-encoded, since a
    /// Location header must be ASCII.
    /// </summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.Length <= 2048 && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
        && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) && !returnUrl.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
            ? EncodeNonAscii(returnUrl)
            : "/overview";

    private static string EncodeNonAscii(string url)
    {
        if (url.All(char.IsAscii))
        {
            return url;
        }

        var encoded = new StringBuilder(url.Length * 2);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                encoded.Append((char)rune.Value);
                continue;
            }

            foreach (var b in utf8[..rune.EncodeToUtf8(utf8)])
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}
