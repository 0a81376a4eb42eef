using AdPilot.Core.Common;
using AdPilot.Core.Identity;
using AdPilot.Core.Users;
using AdPilot.Web.Features.Identity.Sessions;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdPilot.Web.Features.Identity;

/// <summary>Token endpoints for API clients: dev tokens (Development only), refresh with rotation, logout.</summary>
internal static class AuthApi
{
    public static void MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Auth");
        group.MapPost("/dev-token", IssueDevToken).AllowAnonymous();
        group.MapPost("/refresh", Refresh).AllowAnonymous();
        group.MapPost("/token", IssueForSession).RequireAuthorization();
        group.MapPost("/logout", Logout).RequireAuthorization();
        group.MapPost("/logout-everywhere", LogoutEverywhere).RequireAuthorization();
    }

    /// <summary>Signs in by e-mail alone and returns API tokens. Exists only while dev sign-in is enabled.</summary>
    private static async Task<Ok<TokenPair>> IssueDevToken(DevTokenRequest request, HttpContext http, DevSignIn dev, UserService users, TokenService tokens, CancellationToken ct)
    {
        if (!dev.IsEnabled)
        {
            throw new NotFoundException("Endpoint", "dev-token");
        }

        RequestValidator.Validate(request);
        var user = await users.SignInAsync(DevIdentity(request.Email), ct);
        return TypedResults.Ok(await tokens.IssueAsync(user.Id, SessionRequest.Client(http), ct));
    }

    private static async Task<Ok<TokenPair>> Refresh(RefreshRequest request, TokenService tokens, CancellationToken ct)
    {
        RequestValidator.Validate(request);
        return TypedResults.Ok(await tokens.RefreshAsync(request.RefreshToken, ct));
    }

    /// <summary>Exchanges the signed-in session (cookie or bearer) for a fresh token pair, e.g. for a script or an MCP client.</summary>
    private static async Task<Ok<TokenPair>> IssueForSession(HttpContext http, TokenService tokens, CancellationToken ct) =>
        TypedResults.Ok(await tokens.IssueAsync(http.User.UserId(), SessionRequest.Client(http), ct));

    /// <summary>Signs out this client: the refresh token's family and the bearer token's own session end at once.</summary>
    private static async Task<NoContent> Logout(LogoutRequest? request, HttpContext http, TokenService tokens, CancellationToken ct)
    {
        await tokens.RevokeAsync(http.User.UserId(), request?.RefreshToken, http.User.SessionId(), ct);
        await http.SignOutAsync(AuthSchemes.Cookie);
        return TypedResults.NoContent();
    }

    /// <summary>Ends every session of the user: refresh tokens, access tokens and browser sessions on every device.</summary>
    private static async Task<NoContent> LogoutEverywhere(HttpContext http, TokenService tokens, CancellationToken ct)
    {
        await tokens.RevokeAllAsync(http.User.UserId(), ct);
        await http.SignOutAsync(AuthSchemes.Cookie);
        return TypedResults.NoContent();
    }

    internal static ExternalIdentity DevIdentity(string email)
    {
        var normalized = email.Trim().ToLowerInvariant();
        return new ExternalIdentity(AuthProviders.Dev, normalized, normalized, null, null);
    }
}
