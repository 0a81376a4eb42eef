using System.Globalization;
using System.Security.Claims;
using AdPilot.Core.Identity;
using AdPilot.Core.Identity.Sessions;
using Microsoft.Extensions.Options;

namespace AdPilot.Web.Features.Identity.Sessions;

/// <summary>Reads what a session records about a request, and which session a principal belongs to.</summary>
internal static class SessionRequest
{
    public static SessionClient Client(HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<UserSessionOptions>>().Value;
        return SessionClient.From(http.Request.Headers.UserAgent.ToString(), First(http, options.CountryHeaders), First(http, options.CityHeaders),
            http.Connection.RemoteIpAddress);
    }

    /// <summary>The session id in a cookie principal or an access token (<c>sid</c>).</summary>
    public static Guid? SessionId(this ClaimsPrincipal principal) =>
        Guid.TryParseExact(principal.FindFirstValue(AppClaims.Session), "N", out var id) ? id : null;

    /// <summary>When a browser session started (the <c>session_start</c> claim), if the cookie has it.</summary>
    public static DateTime? SessionStartedAt(this ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(AppClaims.SessionStart), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime
            : null;

    public static Claim SessionClaim(Guid id) => new(AppClaims.Session, id.ToString("N", CultureInfo.InvariantCulture));

    private static string? First(HttpContext http, string[] headers) =>
        headers.Select(h => http.Request.Headers[h].ToString()).FirstOrDefault(v => v.Length > 0);
}
