using System.Text.Json.Nodes;

namespace AdPilot.Web.Features.Agent;

/// <summary>
/// How a turn's events are stored with the answer, so a conversation reopened on another device shows its tool cards,
/// charts, tables and action cards again: the shapes of the AI SDK's UI message parts (<c>tool-{name}</c> with its
/// input and output, <c>data-{kind}</c>).
/// </summary>
public static class AgentParts
{
    public static JsonObject? From(AgentEvent e, JsonObject? toolInput = null) => e switch
    {
        ToolFinished t => new JsonObject
        {
            ["type"] = "tool-" + t.Tool,
            ["toolCallId"] = t.CallId,
            ["state"] = t.IsError ? "output-error" : "output-available",
            ["input"] = toolInput?.DeepClone() ?? new JsonObject(),
            ["output"] = t.Output?.DeepClone(),
        },
        DataShown d => new JsonObject { ["type"] = "data-" + d.Kind, ["id"] = d.Id, ["data"] = d.Data.DeepClone() },
        _ => null,
    };
}
