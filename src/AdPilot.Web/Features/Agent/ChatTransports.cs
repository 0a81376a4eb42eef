using AdPilot.Web.Features.Identity;

namespace AdPilot.Web.Features.Agent;

/// <summary>The agent's two chat transports: <c>POST /api/chat</c> (the AI SDK's UI message stream) and <c>/ws/chat</c> (docs/decisions/025).</summary>
internal static class ChatTransports
{
    public static void AddChatTransports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ChatSocketOptions>()
            .Bind(configuration.GetSection(ChatSocketOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.PongTimeoutSeconds > o.PingSeconds, "Agent:WebSocket:PongTimeoutSeconds must be longer than Agent:WebSocket:PingSeconds.")
            .ValidateOnStart();
        services.AddSingleton<ChatSockets>();
        services.AddAuthentication()
            .AddPolicyScheme(ChatStreamApi.BearerOnly, "Bearer token only", o =>
                o.ForwardDefaultSelector = http => IdentitySetup.BearerScheme(http.Request)); // a cookie alone is never read
        services.AddAuthorizationBuilder()
            .AddPolicy(ChatStreamApi.BearerOnly, p => p.AddAuthenticationSchemes(ChatStreamApi.BearerOnly).RequireAuthenticatedUser());
    }

    public static void MapChatTransports(this IEndpointRouteBuilder app)
    {
        app.MapChatStreamApi();

        // Like SignalR's hubs: the WebSocket middleware only on this endpoint's own pipeline.
        var socket = app.CreateApplicationBuilder();
        socket.UseWebSockets();
        socket.Run(http => http.RequestServices.GetRequiredService<ChatSockets>().HandleAsync(http));
        app.Map(ChatSockets.Path, socket.Build()).WithDisplayName("Chat WebSocket").ExcludeFromDescription();
    }
}
