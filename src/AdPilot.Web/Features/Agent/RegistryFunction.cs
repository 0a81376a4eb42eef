using System.Text.Json;
using System.Text.Json.Nodes;
using AdPilot.Web.Features.Mcp;
using Microsoft.Extensions.AI;
using ModelContextProtocol.Server;

namespace AdPilot.Web.Features.Agent;

/// <summary>
/// A registry tool as a function the chat client can call in one turn: the tool's own name, description and schemas.
/// Every call is shown (<see cref="ToolStarted"/>, <see cref="ToolFinished"/>); a write is run as a dry run and proposed
/// as an action card (<see cref="AgentActions"/>), so nothing changes until the user applies it.
/// </summary>
internal sealed class RegistryFunction(McpServerTool tool, ToolUse use, AgentToolbox toolbox, AgentActions actions, AgentTurnScope turn) : AIFunction
{
    private static readonly JsonElement True = JsonSerializer.SerializeToElement(true);

    public override string Name => tool.ProtocolTool.Name;
    public override string Description => tool.ProtocolTool.Description ?? "";
    public override JsonElement JsonSchema => tool.ProtocolTool.InputSchema;
    public override JsonElement? ReturnJsonSchema => tool.ProtocolTool.OutputSchema;
    public override JsonSerializerOptions JsonSerializerOptions => McpJson.Options;

    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var callId = FunctionInvokingChatClient.CurrentContext?.CallContent.CallId ?? "call_" + Guid.NewGuid().ToString("N")[..12];
        var args = Arguments(arguments);
        turn.Emit(new ToolStarted(callId, Name, JsonNode.Parse(JsonSerializer.Serialize(args))!.AsObject()));
        if (use == ToolUse.Propose)
        {
            args["dry_run"] = True;
            args.Remove("confirm");
        }

        var (output, isError) = await toolbox.CallAsync(tool, turn.Principal, args, turn.Services, cancellationToken);
        if (use == ToolUse.Propose && !isError && output is JsonObject preview && preview["changes"] is JsonArray { Count: > 0 })
        {
            var card = await actions.ProposeAsync(turn, Name, args, preview, cancellationToken);
            var cardJson = JsonSerializer.SerializeToNode(card, McpJson.Options)!;
            turn.Emit(new DataShown("action", "action-" + card.Id, cardJson.DeepClone()));
            output = new JsonObject
            {
                ["proposed_action"] = cardJson,
                ["note"] = "Nothing was changed. The user sees this as an action card and applies or dismisses it; tell them what you proposed and why, never that it is done.",
            };
        }

        turn.Emit(new ToolFinished(callId, Name, output?.DeepClone(), isError));
        return output is null ? null : JsonSerializer.SerializeToElement(output, McpJson.Options);
    }

    /// <summary>The call's arguments as JSON, whatever the client gave: JSON from a model, plain values from the offline agent.</summary>
    private static Dictionary<string, JsonElement> Arguments(AIFunctionArguments arguments)
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (name, value) in arguments)
        {
            result[name] = value switch
            {
                JsonElement element => element,
                JsonNode node => JsonSerializer.SerializeToElement(node, McpJson.Options),
                _ => JsonSerializer.SerializeToElement(value, McpJson.Options),
            };
        }

        return result;
    }
}
