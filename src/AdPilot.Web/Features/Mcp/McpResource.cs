using System.Collections.Immutable;
using AdPilot.Core.Identity;
using ModelContextProtocol.Authentication;

namespace AdPilot.Web.Features.Mcp;

/// <summary>
/// <c>/mcp</c> as an OAuth protected resource (RFC 9728): its URL is the audience OAuth tokens are bound to (RFC 8707),
/// and this host is its authorization server. Both follow the request's origin, as the metadata does.
/// </summary>
internal static class McpResource
{
    public static string Origin(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    /// <summary>The authorization server's issuer identifier, exactly as its metadata names it (OpenIddict ends it with a slash).</summary>
    public static string Issuer(HttpRequest request) => Origin(request) + "/";

    public static string Url(HttpRequest request) => Origin(request) + McpSetup.Path;

    /// <summary>RFC 8707: no <c>resource</c> means this one; any other value, or more than one, is refused.</summary>
    public static bool IsOnlyThisResource(ImmutableArray<string?>? resources, HttpRequest request) =>
        resources is not { Length: > 0 } list || (list.Length == 1 && string.Equals(list[0], Url(request), StringComparison.Ordinal));

    public static ProtectedResourceMetadata Metadata(HttpRequest request) => new()
    {
        Resource = Url(request),
        AuthorizationServers = [Issuer(request)],
        ResourceName = "AdPilot",
        ScopesSupported = [.. AccessScopes.All],
        BearerMethodsSupported = ["header"],
    };
}
