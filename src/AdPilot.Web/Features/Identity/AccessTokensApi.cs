using AdPilot.Core.Common;
using AdPilot.Core.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdPilot.Web.Features.Identity;

/// <summary>The signed-in user's personal access tokens: list, create (the secret is returned once), revoke.</summary>
internal static class AccessTokensApi
{
    public static void MapAccessTokensApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/users/me/tokens").WithTags("Access tokens").RequireAuthorization()
            .AddEndpointFilter(RefuseDelegatedCredentials);
        group.MapGet("/", ListAccessTokens);
        group.MapPost("/", CreateAccessToken);
        group.MapDelete("/{id:long}", RevokeAccessToken);
    }

    private static async Task<Ok<IReadOnlyList<AccessTokenView>>> ListAccessTokens(HttpContext http, PersonalAccessTokenService tokens, CancellationToken ct) =>
        TypedResults.Ok(await tokens.ListAsync(http.User.UserId(), ct));

    /// <summary>Creates a token; the response is the only time its secret is shown.</summary>
    private static async Task<Created<CreatedAccessToken>> CreateAccessToken(CreateAccessTokenRequest request, HttpContext http, PersonalAccessTokenService tokens, CancellationToken ct)
    {
        var created = await tokens.CreateAsync(http.User.UserId(), request, ct);
        return TypedResults.Created($"/api/v1/users/me/tokens/{created.Token.Id}", created);
    }

    private static async Task<NoContent> RevokeAccessToken(long id, HttpContext http, PersonalAccessTokenService tokens, CancellationToken ct)
    {
        await tokens.RevokeAsync(http.User.UserId(), id, ct);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Tokens are managed by the person, not by a token: a leaked personal access token or an MCP client's OAuth token
    /// must not be able to mint itself successors or revoke the user's other tokens. Those credentials carry a
    /// credential claim; browser sessions and the API's own JWTs do not.
    /// </summary>
    internal static ValueTask<object?> RefuseDelegatedCredentials(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        context.HttpContext.User.HasClaim(c => c.Type == AppClaims.Credential)
            ? throw new ForbiddenException("session_required",
                "Access tokens can only be managed from a signed-in session (Settings > Security) or with an API token from /api/v1/auth, not with an access token.")
            : next(context);
}
