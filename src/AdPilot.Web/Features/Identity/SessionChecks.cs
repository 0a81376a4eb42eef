using System.Globalization;
using System.Security.Claims;
using AdPilot.Core.Identity;
using AdPilot.Core.Identity.Sessions;
using AdPilot.Web.Features.Identity.Sessions;
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

        var session = principal.SessionId();
        var issuedAt = ctx.SecurityToken.ValidFrom;
        var services = ctx.HttpContext.RequestServices;
        if (!await services.GetRequiredService<SessionValidator>().IsAccessTokenValidAsync(userId, session, issuedAt, ctx.HttpContext.RequestAborted))
        {
            ctx.Fail("The access token's session was signed out.");
            return;
        }

        if (session is { } id)
        {
            await services.GetRequiredService<SessionActivity>().TouchAsync(userId, id, ctx.HttpContext.RequestAborted);
        }
    }

    /// <summary>
    /// Starts the server-side session (its id goes in the cookie as <c>sid</c>) and stamps its start, to the
    /// millisecond, for "sign out everywhere".
    /// </summary>
    public static async Task OnSigningInAsync(CookieSigningInContext ctx)
    {
        if (ctx.Principal?.Identity is not ClaimsIdentity identity || !TryUserId(ctx.Principal, out var userId))
        {
            return;
        }

        var services = ctx.HttpContext.RequestServices;
        if (!identity.HasClaim(c => c.Type == AppClaims.Session))
        {
            var id = await services.GetRequiredService<UserSessionService>().StartBrowserAsync(userId, SessionRequest.Client(ctx.HttpContext), ctx.HttpContext.RequestAborted);
            identity.AddClaim(SessionRequest.SessionClaim(id));
        }

        if (!identity.HasClaim(c => c.Type == AppClaims.SessionStart))
        {
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            identity.AddClaim(new Claim(AppClaims.SessionStart, now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)));
        }
    }

    public static async Task OnValidatePrincipalAsync(CookieValidatePrincipalContext ctx)
    {
        if (ctx.Principal is not { } principal || !TryUserId(principal, out var userId))
        {
            return;
        }

        var started = principal.SessionStartedAt() ?? ctx.Properties.IssuedUtc?.UtcDateTime ?? DateTime.MinValue;
        var services = ctx.HttpContext.RequestServices;
        // A cookie without a server-side session (issued before sessions were kept) is refused: it could not be listed or signed out.
        if (principal.SessionId() is not { } session
            || !await services.GetRequiredService<SessionValidator>().IsSessionValidAsync(userId, session, started, ctx.HttpContext.RequestAborted))
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(AuthSchemes.Cookie);
            return;
        }

        await services.GetRequiredService<SessionActivity>().TouchAsync(userId, session, ctx.HttpContext.RequestAborted);
    }

    private static bool TryUserId(ClaimsPrincipal principal, out long userId) =>
        long.TryParse(principal.FindFirstValue(AppClaims.UserId), NumberStyles.None, CultureInfo.InvariantCulture, out userId);
}
