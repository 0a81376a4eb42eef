using System.Reflection;
using AdPilot.Core.Identity;
using AdPilot.Web.Features.Identity;
using ModelContextProtocol.AspNetCore.Authentication;
using ModelContextProtocol.Authentication;
using ModelContextProtocol.Protocol;

namespace AdPilot.Web.Features.Mcp;

/// <summary>The MCP server at <c>/mcp</c>: Streamable HTTP, stateless, bearer-only (docs/decisions/017).</summary>
internal static class McpSetup
{
    public const string Path = "/mcp";
    public const string Policy = "Mcp";

    public static void AddMcp(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddToolRegistry();
        services.AddMcpServer(o =>
            {
                o.ServerInfo = new Implementation { Name = "adpilot", Title = "AdPilot", Version = Version() };
                o.ServerInstructions = McpInstructions.Text;
            })
            .WithHttpTransport(o => o.Stateless = true)
            .WithAdPilotPromptsAndResources();

        services.AddAuthentication()
            .AddMcp(o =>
            {
                o.ResourceMetadata = new ProtectedResourceMetadata
                {
                    ResourceName = "AdPilot",
                    ScopesSupported = [.. AccessScopes.All],
                    BearerMethodsSupported = ["header"],
                };
                o.Events.OnResourceMetadataRequest = ctx =>
                {
                    var origin = $"{ctx.Request.Scheme}://{ctx.Request.Host}";
                    ctx.ResourceMetadata!.Resource = origin + Path;
                    ctx.ResourceMetadata.AuthorizationServers = [origin];
                    return Task.CompletedTask;
                };
            })
            .AddPolicyScheme(AuthSchemes.McpBearer, "MCP bearer token", o =>
            {
                // Bearer tokens only: a browser's cookie must not drive /mcp. A missing or bad token is challenged with
                // 401 and WWW-Authenticate pointing at the protected resource metadata, as the MCP authorization spec asks.
                o.ForwardDefaultSelector = http => IdentitySetup.BearerScheme(http.Request);
                o.ForwardChallenge = McpAuthenticationDefaults.AuthenticationScheme;
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, p => p.AddAuthenticationSchemes(AuthSchemes.McpBearer).RequireAuthenticatedUser());
    }

    public static void MapMcpServer(this WebApplication app) =>
        app.MapMcp(Path).RequireAuthorization(Policy);

    private static string Version() =>
        typeof(McpSetup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0.0";
}
