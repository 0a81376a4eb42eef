using System.Net;

namespace AdPilot.Web.Features.OAuth;

/// <summary>
/// Which redirect URIs a client may register: absolute, no fragment, and https, or http to a loopback address (a
/// native client's local listener, RFC 8252 §7.3). Custom schemes and plain http elsewhere are refused.
/// </summary>
internal static class RedirectUriRules
{
    public const int MaxCount = 10;
    public const int MaxLength = 2000;

    public static string? Problem(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxLength || !Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            return "Every redirect URI must be an absolute URL.";
        }

        if (uri.Fragment.Length > 0 || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return "A redirect URI must not have a fragment or user information.";
        }

        return uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri))
            ? null
            : "A redirect URI must use https, or http only to localhost, 127.0.0.1 or [::1].";
    }

    private static bool IsLoopback(Uri uri) =>
        string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip));
}
