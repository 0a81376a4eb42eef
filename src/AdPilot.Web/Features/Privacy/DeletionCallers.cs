using System.Globalization;
using System.Security.Claims;
using AdPilot.Core.AccountDeletion;
using AdPilot.Core.Identity;
using AdPilot.Web.Features.Identity;

namespace AdPilot.Web.Features.Privacy;

/// <summary>When the person behind a request signed in: a browser session's start, an API token's <c>auth_time</c>.</summary>
internal static class DeletionCallers
{
    public static DeletionCaller DeletionCaller(this ClaimsPrincipal user)
    {
        if (user.HasClaim(c => c.Type == AppClaims.Credential) || user.Identity?.AuthenticationType == AuthSchemes.Pat)
        {
            return new DeletionCaller(null, IsDelegated: true);
        }

        if (long.TryParse(user.FindFirstValue(AppClaims.SessionStart), NumberStyles.None, CultureInfo.InvariantCulture, out var ms))
        {
            return new DeletionCaller(DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime, false);
        }

        return long.TryParse(user.FindFirstValue(AppClaims.AuthTime), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? new DeletionCaller(DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime, false)
            : new DeletionCaller(null, false);
    }
}
