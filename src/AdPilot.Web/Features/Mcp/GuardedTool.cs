using AdPilot.Core.Common;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AdPilot.Web.Features.Mcp;

/// <summary>
/// Wraps every tool with the rules all of them share, whoever calls (an MCP client or the agent): a signed-in caller,
/// the <c>write</c> scope for tools that are not read-only, and exceptions turned into tool errors by <see cref="ToolError"/>,
/// so a bug in one tool never breaks the session.
/// </summary>
internal sealed class GuardedTool(McpServerTool inner, ILogger logger) : McpServerTool
{
    public override Tool ProtocolTool => inner.ProtocolTool;

    public override IReadOnlyList<object> Metadata => inner.Metadata;

    public bool IsReadOnly => inner.ProtocolTool.Annotations?.ReadOnlyHint == true;

    public override async ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        if (request.User?.Identity?.IsAuthenticated != true)
        {
            return ToolError.Result("unauthenticated", "Send a valid AdPilot access token.");
        }

        if (!IsReadOnly && !ToolCaller.From(request.User).CanWrite)
        {
            return ToolError.From(new ForbiddenException("insufficient_scope",
                $"{ProtocolTool.Name} changes data, and this credential may only read. Ask the user for a token with the \"write\" scope."));
        }

        try
        {
            return await inner.InvokeAsync(request, cancellationToken);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            if (ToolError.IsUnexpected(ex))
            {
                logger.LogError(ex, "Tool {Tool} failed", ProtocolTool.Name);
            }

            return ToolError.From(ex);
        }
    }
}
