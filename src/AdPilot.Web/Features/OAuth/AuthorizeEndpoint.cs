using System.Security.Claims;
using AdPilot.Core.Identity;
using AdPilot.Web.Features.Identity;
using AdPilot.Web.Features.Mcp;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.WebUtilities;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AdPilot.Web.Features.OAuth;

/// <summary>
/// The authorization endpoint, after OpenIddict validated the request (client, redirect URI, PKCE S256, scopes): a GET
/// shows the consent page; the page's form posts back here with the user's decision and an antiforgery token.
/// </summary>
internal static class AuthorizeEndpoint
{
    public static async Task<IResult> HandleAsync(HttpContext http, IAntiforgery antiforgery, OAuthConsent consent)
    {
        // A request OpenIddict refused and cannot send back to the client (unknown client, redirect URI not registered,
        // no or plain PKCE): answered here, as every AdPilot error is.
        if (http.GetOpenIddictServerResponse() is { Error: { Length: > 0 } error } refused)
        {
            return OAuthProblems.Error(StatusCodes.Status400BadRequest, error, refused.ErrorDescription ?? "The authorization request is not valid.");
        }

        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("OpenIddict did not validate this request.");
        var resource = McpResource.Url(http.Request);
        if (!McpResource.IsOnlyThisResource(request.Resources, http.Request))
        {
            return Refuse(Errors.InvalidTarget, $"The only resource here is {resource}.");
        }

        if (HttpMethods.IsGet(http.Request.Method))
        {
            return request.HasPromptValue(PromptValues.None)
                ? Refuse(Errors.ConsentRequired, "AdPilot asks the user before every new grant.")
                : Results.Redirect(OAuthPaths.Consent + http.Request.QueryString);
        }

        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return OAuthProblems.Error(StatusCodes.Status400BadRequest, "antiforgery_failed", "The consent form expired. Start connecting again from your AI client.");
        }

        var user = await http.AuthenticateAsync(AuthSchemes.Cookie);
        if (user.Principal?.FindFirstValue(AppClaims.UserId) is not { } userId)
        {
            return Results.Challenge(new AuthenticationProperties { RedirectUri = ConsentUrl(request) }, [AuthSchemes.Cookie]);
        }

        if (http.Request.Form["decision"] != "allow")
        {
            return Refuse(Errors.AccessDenied, "The user denied access.");
        }

        var client = await consent.FindClientAsync(request.ClientId!, http.RequestAborted);
        if (client is null)
        {
            return Refuse(Errors.InvalidClient, "The client is no longer registered.");
        }

        return Results.SignIn(Grant(userId, client, OAuthConsent.GrantedScopes(request.Scope), resource), null,
            OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static ClaimsPrincipal Grant(string userId, OAuthClient client, string scopes, string resource)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, userId)
            .SetClaim(AppClaims.Credential, "oauth:" + client.ClientId)
            .SetClaim(AppClaims.CredentialName, client.Name);
        // offline_access: OpenIddict issues refresh tokens only with it, and every MCP client needs them.
        identity.SetScopes([.. scopes.Split(' '), Scopes.OfflineAccess]).SetResources(resource);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>Back to the consent page with the same request, after the user signs in.</summary>
    private static string ConsentUrl(OpenIddictRequest request) =>
        QueryHelpers.AddQueryString(OAuthPaths.Consent, request.GetParameters()
            .Where(p => p.Key is not ("decision" or "__RequestVerificationToken"))
            .Select(p => KeyValuePair.Create(p.Key, (string?)p.Value.ToString())));

    private static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
