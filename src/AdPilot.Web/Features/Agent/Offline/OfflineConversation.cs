using System.Text.Json;
using System.Text.Json.Nodes;
using AdPilot.Web.Features.Mcp;
using Microsoft.Extensions.AI;

namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>
/// The state of a turn, read from the messages alone (the client keeps none): the last user message, and the tool calls
/// made since with their results, in order.
/// </summary>
internal sealed record OfflineConversation(string UserText, IReadOnlyList<ToolRun> Runs, int Rounds, int CallsBefore)
{
    public static OfflineConversation Read(IEnumerable<ChatMessage> messages)
    {
        var list = messages.ToList();
        var lastUser = list.FindLastIndex(m => m.Role == ChatRole.User);
        var calls = new List<FunctionCallContent>();
        var results = new Dictionary<string, FunctionResultContent>();
        var rounds = 0;
        foreach (var message in list.Skip(lastUser + 1))
        {
            var made = message.Contents.OfType<FunctionCallContent>().ToList();
            rounds += made.Count > 0 ? 1 : 0;
            calls.AddRange(made);
            foreach (var result in message.Contents.OfType<FunctionResultContent>())
            {
                results[result.CallId] = result;
            }
        }

        var runs = calls.Select(c => new ToolRun(c.Name, c.Arguments ?? new Dictionary<string, object?>(), Json(results.GetValueOrDefault(c.CallId)))).ToList();
        var before = list.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Count();
        return new OfflineConversation(lastUser >= 0 ? list[lastUser].Text : "", runs, rounds, before);
    }

    /// <summary>A tool result as JSON: the tools' structured JSON as it comes, text parsed, a failure as an error object.</summary>
    private static JsonElement Json(FunctionResultContent? result)
    {
        if (result is null || result.Exception is not null)
        {
            return Error("tool_failed", result?.Exception?.Message ?? "The tool returned nothing.");
        }

        switch (result.Result)
        {
            case JsonElement element:
                return element;
            case JsonNode node:
                return JsonSerializer.SerializeToElement(node, McpJson.Options);
            case string text:
                try
                {
                    return JsonDocument.Parse(text).RootElement.Clone();
                }
                catch (JsonException)
                {
                    return Error("tool_failed", text);
                }

            case null:
                return Error("tool_failed", "The tool returned nothing.");
            default:
                return JsonSerializer.SerializeToElement(result.Result, result.Result.GetType(), McpJson.Options);
        }
    }

    private static JsonElement Error(string code, string message) =>
        JsonSerializer.SerializeToElement(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } });
}
