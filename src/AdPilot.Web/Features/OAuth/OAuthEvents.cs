using AdPilot.Web.Features.Mcp;
using Microsoft.AspNetCore;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace AdPilot.Web.Features.OAuth;

/// <summary>What AdPilot adds to OpenIddict's request pipeline.</summary>
internal static class OAuthEvents
{
    public static OpenIddictServerBuilder AddAdPilotEvents(this OpenIddictServerBuilder server) => server
        // RFC 7591 is ours, not OpenIddict's: the metadata names it so MCP clients find it.
        .AddEventHandler<HandleConfigurationRequestContext>(b => b.UseInlineHandler(ctx =>
        {
            ctx.Metadata["registration_endpoint"] = new Uri(ctx.BaseUri!, OAuthPaths.Relative(OAuthPaths.Register)).AbsoluteUri;
            return default;
        }))
        // RFC 8707 at the token endpoint: a code or refresh token cannot be turned into a token for another audience.
        .AddEventHandler<ValidateTokenRequestContext>(b => b.UseInlineHandler(ctx =>
        {
            if (!McpResource.IsOnlyThisResource(ctx.Request.Resources, ctx.Transaction.GetHttpRequest()!))
            {
                ctx.Reject(Errors.InvalidTarget, $"The only resource here is {McpResource.Url(ctx.Transaction.GetHttpRequest()!)}.");
            }

            return default;
        }))
        // RFC 7009 §2.1: revoking a refresh token ends the grant, so the access tokens issued with it stop working too.
        .AddEventHandler<HandleRevocationRequestContext>(b => b.UseInlineHandler(async ctx =>
        {
            if (ctx.GenericTokenPrincipal is { } token && token.HasTokenType(TokenTypeIdentifiers.RefreshToken) && token.GetAuthorizationId() is { } grant)
            {
                var services = ctx.Transaction.GetHttpRequest()!.HttpContext.RequestServices;
                var authorizations = services.GetRequiredService<IOpenIddictAuthorizationManager>();
                if (await authorizations.FindByIdAsync(grant, ctx.CancellationToken) is { } authorization)
                {
                    await authorizations.TryRevokeAsync(authorization, ctx.CancellationToken);
                }

                await services.GetRequiredService<IOpenIddictTokenManager>().RevokeByAuthorizationIdAsync(grant, ctx.CancellationToken);
            }
        }));
}
