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

    public static string Url(HttpRequest request) => Origin(request) + McpSetup.Path;

    public static ProtectedResourceMetadata Metadata(HttpRequest request) => new()
    {
        Resource = Url(request),
        AuthorizationServers = [Origin(request)],
        ResourceName = "AdPilot",
        ScopesSupported = [.. AccessScopes.All],
        BearerMethodsSupported = ["header"],
    };
}
