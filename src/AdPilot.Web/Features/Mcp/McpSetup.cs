using System.Reflection;
using AdPilot.Core.Identity;
using AdPilot.Web.Features.Identity;
using AdPilot.Web.Features.OAuth;
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
        services.AddOptions<McpTransportOptions>()
            .Bind(builder.Configuration.GetSection(McpTransportOptions.Section))
            .Validate(o => o.OriginsAreValid(), "Mcp:AllowedOrigins must be origins such as https://app.example.com (scheme, host and port; no path).")
            .ValidateOnStart();
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
                o.ResourceMetadata = new ProtectedResourceMetadata();
                o.Events.OnResourceMetadataRequest = ctx =>
                {
                    ctx.ResourceMetadata = McpResource.Metadata(ctx.Request);
                    return Task.CompletedTask;
                };
            })
            .AddPolicyScheme(AuthSchemes.McpBearer, "MCP bearer token", o =>
            {
                // Bearer tokens only: a browser's cookie must not drive /mcp. A missing or bad token is challenged with
                // 401 and WWW-Authenticate pointing at the protected resource metadata, as the MCP authorization spec asks.
                o.ForwardDefaultSelector = http => OAuthTokenHandler.LooksLikeToken(PersonalAccessTokenHandler.BearerToken(http.Request))
                    ? AuthSchemes.OAuth
                    : IdentitySetup.BearerScheme(http.Request);
                o.ForwardChallenge = McpAuthenticationDefaults.AuthenticationScheme;
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(Policy, p => p.AddAuthenticationSchemes(AuthSchemes.McpBearer).RequireAuthenticatedUser());
    }

    /// <summary>Host and Origin checks at <c>/mcp</c> (DNS-rebinding protection), before authentication.</summary>
    public static void UseMcpTransportSecurity(this IApplicationBuilder app) =>
        app.UseWhen(c => c.Request.Path.StartsWithSegments(Path), mcp => mcp.UseMiddleware<McpTransportGuard>());

    /// <summary>The server, and the OAuth authorization server its clients sign in with.</summary>
    public static void MapMcpServer(this WebApplication app)
    {
        app.MapMcp(Path).RequireAuthorization(Policy);
        app.MapOAuth();
    }

    private static string Version() =>
        typeof(McpSetup).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0.0";
}
