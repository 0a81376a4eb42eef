using AdPilot.Core.Data;
using AdPilot.Core.Identity;
using AdPilot.Web.Features.Identity;
using AdPilot.Web.Features.Mcp;
using AdPilot.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AdPilot.Web.Features.OAuth;

/// <summary>
/// The OAuth 2.1 authorization server MCP clients sign in with (OpenIddict; docs/decisions/018): metadata (RFC 8414),
/// dynamic client registration (RFC 7591), authorization code with PKCE S256 only, consent in AdPilot's UI,
/// audience-bound access tokens (RFC 8707), rotating refresh tokens and revocation.
/// </summary>
internal static class OAuthSetup
{
    public static void AddOAuth(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(OAuthOptions.Section).Get<OAuthOptions>() ?? new();
        builder.Services.AddOptions<OAuthOptions>().Bind(builder.Configuration.GetSection(OAuthOptions.Section)).ValidatePlainly().ValidateOnStart();
        var requireHttps = options.RequireHttps ?? builder.Environment.IsProduction();

        // OpenIddict traces every token it creates or validates, in full, at Trace and Debug. Its categories stay at
        // Information whatever the default level, so turning on verbose logging to debug something never logs a credential.
        builder.Services.PostConfigure<LoggerFilterOptions>(o => o.Rules.Add(new LoggerFilterRule(null, "OpenIddict", LogLevel.Information, null)));

        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<AppDbContext>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris(OAuthPaths.Relative(OAuthPaths.Authorize))
                    .SetTokenEndpointUris(OAuthPaths.Relative(OAuthPaths.Token))
                    .SetRevocationEndpointUris(OAuthPaths.Relative(OAuthPaths.Revoke))
                    .SetJsonWebKeySetEndpointUris(OAuthPaths.Relative(OAuthPaths.Keys))
                    .SetConfigurationEndpointUris(OAuthPaths.Relative(OAuthPaths.ServerMetadata), OAuthPaths.Relative(OAuthPaths.OpenIdMetadata));
                o.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(AccessScopes.Read, AccessScopes.Write);
                o.SetAccessTokenLifetime(TimeSpan.FromMinutes(options.AccessTokenMinutes))
                    .SetRefreshTokenLifetime(TimeSpan.FromDays(options.RefreshTokenDays))
                    // Strict rotation (OAuth 2.1): a refresh token works once; using it again revokes the whole grant.
                    .SetRefreshTokenReuseLeeway(TimeSpan.Zero);
                // The resource is this host's /mcp, which follows the request's origin: the authorize and token endpoints check it (OAuthEvents).
                o.DisableResourceValidation().IgnoreResourcePermissions();
                o.Configure(s => s.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));
                o.AddAdPilotEvents();
                var aspNet = o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().EnableErrorPassthrough();
                if (!requireHttps)
                {
                    aspNet.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.UseAspNetCore();
                // Revoking a token, its authorization or every session of the user takes effect at the next call.
                o.EnableTokenEntryValidation();
                o.EnableAuthorizationEntryValidation();
            });
        builder.Services.AddOptions<OpenIddictServerOptions>().Configure<IOptions<JwtOptions>>((o, jwt) =>
        {
            o.SigningCredentials.Add(OAuthKeys.Signing(jwt.Value));
            o.EncryptionCredentials.Add(OAuthKeys.Encryption(jwt.Value));
        });
        builder.Services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, OAuthTokenHandler>(AuthSchemes.OAuth, null);
        builder.Services.AddScoped<OAuthConsent>();
    }

    public static void MapOAuth(this IEndpointRouteBuilder app)
    {
        app.MapMethods(OAuthPaths.Authorize, [HttpMethods.Get, HttpMethods.Post], AuthorizeEndpoint.HandleAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost(OAuthPaths.Register, ClientRegistrationEndpoint.HandleAsync).AllowAnonymous().ExcludeFromDescription()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(ClientRegistrationEndpoint.MaxBodyBytes));
        app.MapGet(OAuthPaths.ResourceMetadata, (HttpContext http) => TypedResults.Json(McpResource.Metadata(http.Request)))
            .AllowAnonymous().ExcludeFromDescription();
    }
}
