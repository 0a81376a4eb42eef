using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using AdPilot.Core.Identity;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AdPilot.Web.Features.OAuth;

/// <summary>
/// Dynamic client registration (RFC 7591) for MCP clients: anyone may register a public client (PKCE, no secret), as
/// the MCP authorization spec expects; a registration grants nothing until a user consents. Limited per IP address.
/// Errors are ProblemDetails that also carry RFC 7591's <c>error</c> and <c>error_description</c>.
/// </summary>
internal static class ClientRegistrationEndpoint
{
    public const long MaxBodyBytes = 64 * 1024;
    private const int MaxNameLength = 100;
    private static readonly string[] GrantTypesAllowed = [GrantTypes.AuthorizationCode, GrantTypes.RefreshToken];

    public static async Task<IResult> HandleAsync(HttpContext http, IOpenIddictApplicationManager applications, TimeProvider clock)
    {
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return OAuthProblems.Error(StatusCodes.Status413PayloadTooLarge, "invalid_client_metadata", "The registration is larger than 64 KB.");
        }

        var request = await ReadAsync(http);
        if (request is null)
        {
            return OAuthProblems.Error(StatusCodes.Status400BadRequest, "invalid_client_metadata", "Send the client metadata as a JSON object (RFC 7591).");
        }

        if (Validate(request) is { } problem)
        {
            return problem;
        }

        var clientId = Guid.NewGuid().ToString("N");
        var name = CleanName(request.ClientName) ?? "MCP client";
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Explicit,
            DisplayName = name,
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
                Permissions.Prefixes.Scope + AccessScopes.Read, Permissions.Prefixes.Scope + AccessScopes.Write,
                Permissions.Prefixes.Scope + Scopes.OfflineAccess,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in request.RedirectUris!)
        {
            descriptor.RedirectUris.Add(new Uri(uri));
        }

        await applications.CreateAsync(descriptor, http.RequestAborted);
        var response = new ClientRegistrationResponse(clientId, clock.GetUtcNow().ToUnixTimeSeconds(), name, request.RedirectUris!,
            GrantTypesAllowed, [ResponseTypes.Code], ClientAuthenticationMethods.None, string.Join(' ', AccessScopes.All));
        return TypedResults.Json(response, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<ClientRegistrationRequest?> ReadAsync(HttpContext http)
    {
        if (!http.Request.HasJsonContentType())
        {
            return null;
        }

        try
        {
            return await http.Request.ReadFromJsonAsync<ClientRegistrationRequest>(http.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (BadHttpRequestException)
        {
            return null;
        }
    }

    private static ProblemHttpResult? Validate(ClientRegistrationRequest request)
    {
        if (request.RedirectUris is not { Length: > 0 and <= RedirectUriRules.MaxCount } uris)
        {
            return OAuthProblems.Error(StatusCodes.Status400BadRequest, "invalid_redirect_uri", $"Register between 1 and {RedirectUriRules.MaxCount} redirect URIs.");
        }

        if (uris.Select(RedirectUriRules.Problem).FirstOrDefault(p => p is not null) is { } uriProblem)
        {
            return OAuthProblems.Error(StatusCodes.Status400BadRequest, "invalid_redirect_uri", uriProblem);
        }

        if (request.TokenEndpointAuthMethod is { } method && method != ClientAuthenticationMethods.None)
        {
            return OAuthProblems.Error(StatusCodes.Status400BadRequest, "invalid_client_metadata", "Only public clients are registered here: token_endpoint_auth_method must be \"none\" (PKCE protects the code).");
        }

        if (request.GrantTypes is { } grants && grants.Any(g => !GrantTypesAllowed.Contains(g)))
        {
            return OAuthProblems.Error(StatusCodes.Status400BadRequest, "invalid_client_metadata", "grant_types may only be authorization_code and refresh_token.");
        }

        if (request.ResponseTypes is { } types && types.Any(t => t != ResponseTypes.Code))
        {
            return OAuthProblems.Error(StatusCodes.Status400BadRequest, "invalid_client_metadata", "response_types may only be code.");
        }

        return null;
    }

    /// <summary>The name a user will read on the consent page: printable characters only, trimmed, at most 100.</summary>
    private static string? CleanName(string? name)
    {
        var clean = new string((name ?? "").Where(c => !char.IsControl(c)).ToArray()).Trim();
        return clean.Length == 0 ? null : clean[..Math.Min(clean.Length, MaxNameLength)];
    }
}
