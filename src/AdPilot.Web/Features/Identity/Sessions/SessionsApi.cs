using AdPilot.Core.Identity.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdPilot.Web.Features.Identity.Sessions;

/// <summary>The signed-in user's sessions (browsers and API clients): list and sign one out. "Sign out everywhere" is <c>POST /api/v1/auth/logout-everywhere</c>.</summary>
internal static class SessionsApi
{
    public static void MapSessionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/users/me/sessions").WithTags("Sessions").RequireAuthorization()
            .AddEndpointFilter(AccessTokensApi.RefuseDelegatedCredentials);
        group.MapGet("/", ListSessions);
        group.MapDelete("/{id:guid}", RevokeSession);
    }

    private static async Task<Ok<SessionList>> ListSessions(HttpContext http, UserSessionService sessions, CancellationToken ct) =>
        TypedResults.Ok(await sessions.ListAsync(http.User.UserId(), http.User.SessionId(), ct));

    /// <summary>Signs one session out at once: its cookie or access token is refused on its next request, on every node.</summary>
    private static async Task<NoContent> RevokeSession(Guid id, HttpContext http, UserSessionService sessions, CancellationToken ct)
    {
        await sessions.RevokeAsync(http.User.UserId(), id, ct);
        return TypedResults.NoContent();
    }
}
