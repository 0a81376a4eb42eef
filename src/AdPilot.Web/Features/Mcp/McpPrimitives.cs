using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AdPilot.Web.Features.Mcp;

/// <summary>
/// The server's prompts and resources, registered like the tools (<see cref="ToolRegistry"/>): a class is created per
/// request with the caller's <see cref="ToolCaller"/>, so every read is owner-scoped, and errors go through
/// <see cref="ToolError.Protocol"/> (a JSON-RPC error with the stable code in its message; resources not found are -32002).
/// </summary>
public static class McpPrimitives
{
    public static readonly IReadOnlyList<Type> PromptTypes = [typeof(Reports.ReportsPrompts)];

    public static readonly IReadOnlyList<Type> ResourceTypes = [typeof(Reports.ReportsResources)];

    public static IMcpServerBuilder WithAdPilotPromptsAndResources(this IMcpServerBuilder builder)
    {
        foreach (var type in PromptTypes)
        {
            foreach (var method in ToolRegistry.Marked<McpServerPromptAttribute>(type))
            {
                builder.Services.AddSingleton<McpServerPrompt>(sp => new GuardedPrompt(Logger(sp), McpServerPrompt.Create(method, r => Target(r.Services!, type, r.User),
                    new McpServerPromptCreateOptions { Services = sp, SerializerOptions = McpJson.Options })));
            }
        }

        foreach (var type in ResourceTypes)
        {
            foreach (var method in ToolRegistry.Marked<McpServerResourceAttribute>(type))
            {
                builder.Services.AddSingleton<McpServerResource>(sp => new GuardedResource(Logger(sp), McpServerResource.Create(method, r => Target(r.Services!, type, r.User),
                    new McpServerResourceCreateOptions { Services = sp, SerializerOptions = McpJson.Options })));
            }
        }

        return builder;
    }

    private static object Target(IServiceProvider services, Type type, System.Security.Claims.ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true
            ? ActivatorUtilities.CreateInstance(services, type, ToolCaller.From(user))
            : throw new McpProtocolException("unauthenticated: Send a valid AdPilot access token.", McpErrorCode.InvalidRequest);

    private static ILogger Logger(IServiceProvider services) => services.GetRequiredService<ILoggerFactory>().CreateLogger("AdPilot.Mcp");

    private static async ValueTask<T> GuardAsync<T>(ILogger logger, string name, McpErrorCode notFound, Func<ValueTask<T>> call, CancellationToken ct)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is not McpProtocolException && !(ex is OperationCanceledException && ct.IsCancellationRequested))
        {
            if (ToolError.IsUnexpected(ex))
            {
                logger.LogError(ex, "MCP {Primitive} failed", name);
            }

            throw ToolError.Protocol(ex, notFound);
        }
    }

    private sealed class GuardedPrompt(ILogger logger, McpServerPrompt inner) : DelegatingMcpServerPrompt(inner)
    {
        public override ValueTask<GetPromptResult> GetAsync(RequestContext<GetPromptRequestParams> request, CancellationToken cancellationToken = default) =>
            GuardAsync(logger, ProtocolPrompt.Name, McpErrorCode.InvalidParams, () => base.GetAsync(request, cancellationToken), cancellationToken);
    }

    private sealed class GuardedResource(ILogger logger, McpServerResource inner) : DelegatingMcpServerResource(inner)
    {
        public override ValueTask<ReadResourceResult> ReadAsync(RequestContext<ReadResourceRequestParams> request, CancellationToken cancellationToken = default) =>
            GuardAsync(logger, ProtocolResourceTemplate.UriTemplate, McpErrorCode.ResourceNotFound, () => base.ReadAsync(request, cancellationToken), cancellationToken);
    }
}
