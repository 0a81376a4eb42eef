using System.Security.Claims;
using System.Text.Encodings.Web;
using AdPilot.Core.Identity;
using AdPilot.Web.Features.Mcp;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;

namespace AdPilot.Web.Features.OAuth;

/// <summary>
/// Authenticates access tokens this server issued to MCP clients: OpenIddict's validation handler checks the token
/// (signature, encryption, lifetime, and that neither it nor its authorization was revoked); this adds the audience
/// check (RFC 8707: the token names this host's <c>/mcp</c>) and gives the principal AdPilot's claim shape.
/// </summary>
internal sealed class OAuthTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var result = await Context.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        if (result.None)
        {
            return AuthenticateResult.NoResult();
        }

        if (!result.Succeeded || result.Principal is not { } token)
        {
            return AuthenticateResult.Fail("The OAuth access token is invalid, expired or revoked.");
        }

        if (!token.HasAudience(McpResource.Url(Request)))
        {
            return AuthenticateResult.Fail("The OAuth access token was issued for another resource.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(AppClaims.UserId, token.GetClaim(OpenIddictConstants.Claims.Subject) ?? ""),
                new Claim(AccessScopes.Claim, AccessScopes.Normalize(token.GetScopes())),
                new Claim(AppClaims.Credential, token.GetClaim(AppClaims.Credential) ?? ""),
                new Claim(AppClaims.CredentialName, token.GetClaim(AppClaims.CredentialName) ?? ""),
            ],
            Scheme.Name,
            AppClaims.Name,
            AppClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    /// <summary>OpenIddict's access tokens are encrypted JWTs (five segments); the API's own JWTs are signed only (three).</summary>
    public static bool LooksLikeToken(string? bearer) => bearer is not null && bearer.Count(c => c == '.') == 4;
}
