using AdPilot.Core.Identity;
using OpenIddict.Abstractions;

namespace AdPilot.Web.Features.OAuth;

/// <summary>A registered MCP client as the consent page names it.</summary>
internal sealed record OAuthClient(string ClientId, string Name);

/// <summary>What the consent page shows: who asks, for what, and where the answer goes.</summary>
internal sealed record ConsentView(OAuthClient Client, string Scopes, Uri RedirectUri);

/// <summary>Reads registered clients for the consent page and the authorize endpoint.</summary>
internal sealed class OAuthConsent(IOpenIddictApplicationManager applications)
{
    public async Task<OAuthClient?> FindClientAsync(string clientId, CancellationToken ct)
    {
        var application = await applications.FindByClientIdAsync(clientId, ct);
        return application is null ? null : new OAuthClient(clientId, await applications.GetDisplayNameAsync(application, ct) ?? clientId);
    }

    /// <summary>Null when the client is unknown or the redirect URI is not one it registered (the form would fail anyway).</summary>
    public async Task<ConsentView?> DescribeAsync(string? clientId, string? redirectUri, string? scope, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(redirectUri) || !Uri.TryCreate(redirectUri, UriKind.Absolute, out var target))
        {
            return null;
        }

        var application = await applications.FindByClientIdAsync(clientId, ct);
        if (application is null || !await applications.ValidateRedirectUriAsync(application, redirectUri, ct))
        {
            return null;
        }

        var name = await applications.GetDisplayNameAsync(application, ct) ?? clientId;
        return new ConsentView(new OAuthClient(clientId, name), GrantedScopes(scope), target);
    }

    /// <summary>What a grant carries: <c>read</c>, or <c>read write</c> when <c>write</c> was asked for; nothing else.</summary>
    public static string GrantedScopes(string? requested) => AccessScopes.Normalize((requested ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
