using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using AdPilot.Core.Identity;
using AdPilot.Web.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AdPilot.Web.Features.Identity;

/// <summary>Authenticates <c>Authorization: Bearer adp_pat_…</c> against the stored hashes; the principal carries the token's scopes.</summary>
internal sealed class PersonalAccessTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    PersonalAccessTokenService tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = BearerToken(Request);
        if (!PersonalAccessTokenService.LooksLikeToken(secret))
        {
            return AuthenticateResult.NoResult();
        }

        var identity = await tokens.AuthenticateAsync(secret!, Context.RequestAborted);
        if (identity is null)
        {
            return AuthenticateResult.Fail("The personal access token is unknown, revoked or expired.");
        }

        var claims = new ClaimsIdentity(
            [
                new Claim(AppClaims.UserId, identity.UserId.ToString(CultureInfo.InvariantCulture)),
                new Claim(AccessScopes.Claim, identity.Scopes),
                new Claim(AppClaims.Credential, "pat:" + identity.TokenId.ToString(CultureInfo.InvariantCulture)),
                new Claim(AppClaims.CredentialName, identity.Name),
            ],
            Scheme.Name,
            AppClaims.Name,
            AppClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(claims), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "invalid_token",
            "The personal access token is unknown, revoked or expired. Create a new one in Settings > Security.");

    internal static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }
}
