using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdPilot.Web.Features.Mcp;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AdPilot.Web.Features.Agent;

/// <summary>
/// The tool registry as the agent sees it (docs/decisions/023): the same <see cref="McpServerTool"/> instances the MCP
/// server publishes, called in-process through the same guard, with the same descriptions and schemas. Which of them the
/// agent may call, and how, is decided here once: reads run; writes that can be previewed (they take <c>dry_run</c>) only
/// ever run as a dry run and become action cards the user applies; the rest (raw credit, metric and upload operations
/// meant for integrations) are not offered.
/// </summary>
public sealed class AgentToolbox
{
    /// <summary>Tools that change something but are safe for the agent to run directly: they touch no ad platform entity.</summary>
    private static readonly HashSet<string> DirectWrites = ["analyze_performance", "mark_notification_read", "set_active_ad_account", "refresh_ad_account_token"];

    private readonly Dictionary<string, (McpServerTool Tool, ToolUse Use)> _tools;
    private readonly McpServer _server;

    public AgentToolbox(IEnumerable<McpServerTool> tools, ILoggerFactory loggerFactory, IServiceProvider services)
    {
        _tools = tools.Select(t => (Tool: t, Use: UseOf(t))).Where(t => t.Use != ToolUse.Hidden).ToDictionary(t => t.Tool.ProtocolTool.Name);
        // A server with no client behind it: a RequestContext needs one, and a tool's progress notifications go nowhere.
        _server = McpServer.Create(
            new StreamServerTransport(Stream.Null, Stream.Null, "adpilot-agent", loggerFactory),
            new McpServerOptions { ServerInfo = new Implementation { Name = "adpilot-agent", Version = "1.0.0" } },
            loggerFactory, services);
    }

    public IEnumerable<(McpServerTool Tool, ToolUse Use)> Tools => _tools.Values;

    public (McpServerTool Tool, ToolUse Use)? Find(string name) => _tools.TryGetValue(name, out var found) ? found : null;

    /// <summary>
    /// Calls a tool as <paramref name="principal"/> (the agent's principal for the user: <see cref="AgentPrincipal"/>) and
    /// returns its structured result, or its error as <c>{"error": {"code", "message"}}</c> with <c>IsError</c>.
    /// </summary>
    public async Task<(JsonNode? Output, bool IsError)> CallAsync(
        McpServerTool tool, ClaimsPrincipal principal, IDictionary<string, JsonElement> arguments, IServiceProvider services, CancellationToken ct)
    {
        var request = new RequestContext<CallToolRequestParams>(
            _server,
            new JsonRpcRequest { Method = RequestMethods.ToolsCall, Id = new RequestId(Guid.NewGuid().ToString("N")) },
            new CallToolRequestParams { Name = tool.ProtocolTool.Name, Arguments = arguments })
        {
            User = principal,
            Services = services,
        };
        var result = await tool.InvokeAsync(request, ct);
        return result.IsError == true ? (ErrorOf(result), true) : (result.StructuredContent is { } json ? JsonNode.Parse(json.GetRawText()) : null, false);
    }

    private static JsonNode ErrorOf(CallToolResult result)
    {
        var text = result.Content.OfType<TextContentBlock>().FirstOrDefault()?.Text;
        try
        {
            return text is null ? Unknown() : JsonNode.Parse(text) ?? Unknown();
        }
        catch (JsonException)
        {
            return new JsonObject { ["error"] = new JsonObject { ["code"] = "tool_error", ["message"] = text } };
        }

        static JsonObject Unknown() => new() { ["error"] = new JsonObject { ["code"] = ToolError.InternalError, ["message"] = "The tool failed without saying why." } };
    }

    private static ToolUse UseOf(McpServerTool tool)
    {
        if (tool.ProtocolTool.Annotations?.ReadOnlyHint == true || DirectWrites.Contains(tool.ProtocolTool.Name))
        {
            return ToolUse.Run;
        }

        return tool.ProtocolTool.InputSchema.TryGetProperty("properties", out var properties) && properties.TryGetProperty("dry_run", out _)
            ? ToolUse.Propose
            : ToolUse.Hidden;
    }
}

/// <summary>How the agent uses a tool.</summary>
public enum ToolUse
{
    /// <summary>Not offered to the agent.</summary>
    Hidden,

    /// <summary>Called directly: reads, and writes that touch no ad platform entity.</summary>
    Run,

    /// <summary>Only ever called as a dry run; the preview becomes an action card the user applies.</summary>
    Propose,
}
