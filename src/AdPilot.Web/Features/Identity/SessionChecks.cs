using System.Globalization;
using System.Security.Claims;
using AdPilot.Core.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace AdPilot.Web.Features.Identity;

/// <summary>Refuses access tokens and browser sessions that were revoked before they expired (logout, sign out everywhere).</summary>
internal static class SessionChecks
{
    public static async Task OnTokenValidatedAsync(TokenValidatedContext ctx)
    {
        var principal = ctx.Principal;
        if (principal is null || !TryUserId(principal, out var userId))
        {
            return;
        }

        Guid? session = Guid.TryParseExact(principal.FindFirstValue(AppClaims.Session), "N", out var sid) ? sid : null;
        var issuedAt = ctx.SecurityToken.ValidFrom;
        var sessions = ctx.HttpContext.RequestServices.GetRequiredService<SessionValidator>();
        if (!await sessions.IsAccessTokenValidAsync(userId, session, issuedAt, ctx.HttpContext.RequestAborted))
        {
            ctx.Fail("The access token's session was signed out.");
        }
    }

    /// <summary>Stamps the start of a browser session, to the millisecond, for "sign out everywhere".</summary>
    public static Task OnSigningInAsync(CookieSigningInContext ctx)
    {
        if (ctx.Principal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == AppClaims.SessionStart))
        {
            var now = ctx.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            identity.AddClaim(new Claim(AppClaims.SessionStart, now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)));
        }

        return Task.CompletedTask;
    }

    public static async Task OnValidatePrincipalAsync(CookieValidatePrincipalContext ctx)
    {
        if (ctx.Principal is not { } principal || !TryUserId(principal, out var userId))
        {
            return;
        }

        var started = long.TryParse(principal.FindFirstValue(AppClaims.SessionStart), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime
            : ctx.Properties.IssuedUtc?.UtcDateTime ?? DateTime.MinValue;
        var sessions = ctx.HttpContext.RequestServices.GetRequiredService<SessionValidator>();
        if (!await sessions.IsSessionValidAsync(userId, started, ctx.HttpContext.RequestAborted))
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(AuthSchemes.Cookie);
        }
    }

    private static bool TryUserId(ClaimsPrincipal principal, out long userId) =>
        long.TryParse(principal.FindFirstValue(AppClaims.UserId), NumberStyles.None, CultureInfo.InvariantCulture, out userId);
}
