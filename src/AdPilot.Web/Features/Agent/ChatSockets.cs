using AdPilot.Core.Identity;
using AdPilot.Web.Api;
using AdPilot.Web.Api.RateLimiting;
using AdPilot.Web.Hosting.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AdPilot.Web.Features.Agent;

/// <summary>
/// <c>/ws/chat</c> (docs/decisions/025): refuses a handshake it must not take before upgrading (401/403 ProblemDetails),
/// then holds the connection (<see cref="ChatSocket"/>). What every connection shares lives here, so an idle one costs
/// little more than its socket.
/// </summary>
public sealed class ChatSockets(
    AgentService agent,
    AgentMetrics metrics,
    IRateCounter rateCounter,
    IOptions<RateLimitOptions> rateLimits,
    IOptions<ChatSocketOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<ChatSockets> logger)
{
    public const string Path = "/ws/chat";

    internal AgentService Agent => agent;
    internal AgentMetrics Metrics => metrics;
    internal ChatSocketOptions Options => options.Value;
    internal TimeProvider Clock => clock;
    internal ILogger Logger => logger;

    public async Task HandleAsync(HttpContext http)
    {
        if (Refusal(http) is { } refusal)
        {
            metrics.ConnectionError(refusal.Code);
            await ApiProblems.WriteAsync(http, refusal.Status, refusal.Code, refusal.Detail);
            return;
        }

        var expires = http.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Properties?.ExpiresUtc;
        using var socket = await http.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { DangerousEnableCompression = false });
        metrics.ConnectionOpened();
        try
        {
            using var chat = new ChatSocket(this, socket, http.User, expires);
            await chat.RunAsync(lifetime.ApplicationStopping);
        }
        finally
        {
            metrics.ConnectionClosed();
        }
    }

    /// <summary>The per-user API limit, counted for each chat message as for each <c>POST /api/chat</c>.</summary>
    internal async Task<bool> TryAcquireAsync(long userId, CancellationToken ct)
    {
        var rule = RateLimitRule.ApiForUser(userId, rateLimits.Value);
        return (await rateCounter.TryAcquireAsync(rule.Key, SlidingWindow.At(clock.GetUtcNow()), rule.PermitsPerMinute, ct)).Acquired;
    }

    /// <summary>
    /// A browser sends its cookie with a WebSocket handshake from any site, and the same-origin policy does not stop it:
    /// the Origin header is the only defence against cross-site WebSocket hijacking, so a foreign one is refused. Clients
    /// that are not browsers send none, or their own host's. A token never comes in the URL (it would be logged).
    /// </summary>
    private static (int Status, string Code, string Detail)? Refusal(HttpContext http)
    {
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length > 0 && !CrossSiteRequestMiddleware.IsSameOrigin(origin, http.Request))
        {
            return (StatusCodes.Status403Forbidden, "cross_site_websocket", "This connection came from another site. Use AdPilot's own pages, or connect with a bearer token and no Origin.");
        }

        if (http.User.Identity?.IsAuthenticated != true)
        {
            return (StatusCodes.Status401Unauthorized, "unauthenticated", "Sign in, or send Authorization: Bearer with an API token or a personal access token.");
        }

        if (http.User.FindFirst(AccessScopes.Claim)?.Value is { } scopes && !AccessScopes.Allows(scopes, AccessScopes.Write))
        {
            return (StatusCodes.Status403Forbidden, "insufficient_scope", "This token may only read, and a chat turn spends credits. Create one with the \"write\" scope.");
        }

        return http.WebSockets.IsWebSocketRequest
            ? null
            : (StatusCodes.Status400BadRequest, "websocket_required", "Connect with a WebSocket client (Upgrade: websocket).");
    }
}
