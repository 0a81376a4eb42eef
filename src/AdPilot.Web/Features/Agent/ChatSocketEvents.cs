using System.Text.Json;
using System.Text.Json.Nodes;

namespace AdPilot.Web.Features.Agent;

/// <summary>
/// What the server sends on <c>/ws/chat</c>: a turn's events, each with the client's id (<c>turn_started</c>,
/// <c>text_delta</c>, <c>tool_started</c>, <c>tool_finished</c>, <c>data</c>, then <c>turn_finished</c> or
/// <c>turn_failed</c>), <c>error</c> for a message it could not take, and <c>ping</c>/<c>pong</c>.
/// </summary>
public static class ChatSocketEvents
{
    public static JsonObject For(string id, AgentEvent e) => e switch
    {
        TurnStarted s => Event("turn_started", id, ("conversation_id", s.ConversationId), ("user_message_id", s.UserMessageId), ("message_id", s.MessageId)),
        TextDelta t => Event("text_delta", id, ("text_id", t.TextId), ("text", t.Text)),
        ToolStarted t => Event("tool_started", id, ("call_id", t.CallId), ("tool", t.Tool), ("arguments", t.Arguments.DeepClone())),
        ToolFinished t => Event("tool_finished", id, ("call_id", t.CallId), ("tool", t.Tool), ("output", t.Output?.DeepClone()), ("is_error", t.IsError)),
        DataShown d => Event("data", id, ("kind", d.Kind), ("data_id", d.Id), ("data", d.Data.DeepClone())),
        TurnFinished f => Event("turn_finished", id, ("model", f.Model), ("input_tokens", f.InputTokens), ("output_tokens", f.OutputTokens),
            ("credits", f.Credits), ("balance_after", f.BalanceAfter)),
        TurnFailed f => Event("turn_failed", id, ("code", f.Code), ("message", f.Message), ("details", f.Details?.DeepClone())),
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "An event the chat socket does not know."),
    };

    /// <summary>A message the server could not take (bad JSON, a field that fails validation, too large, rate limited…); the socket stays open.</summary>
    public static JsonObject Error(string? id, string code, string message, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        var error = Event("error", id, ("code", code), ("message", message));
        if (errors is not null)
        {
            error["errors"] = Errors(errors);
        }

        return error;
    }

    /// <summary>Field errors by the field's path as the protocol names it (<c>page.entity_type</c>).</summary>
    public static JsonObject Errors(IReadOnlyDictionary<string, string[]> errors) =>
        new(errors.Select(e => KeyValuePair.Create(SnakeCase(e.Key), (JsonNode?)new JsonArray(e.Value.Select(v => (JsonNode?)v).ToArray()))));

    public static JsonObject Ping() => new() { ["type"] = ChatSocketMessage.Ping };

    public static JsonObject Pong() => new() { ["type"] = ChatSocketMessage.Pong };

    /// <summary>Field paths as the protocol names them: <c>page.entityType</c> → <c>page.entity_type</c>.</summary>
    internal static string SnakeCase(string path) => string.Join('.', path.Split('.').Select(JsonNamingPolicy.SnakeCaseLower.ConvertName));

    private static JsonObject Event(string type, string? id, params (string Name, JsonNode? Value)[] fields)
    {
        var message = new JsonObject { ["type"] = type };
        if (id is not null)
        {
            message["id"] = id;
        }

        foreach (var (name, value) in fields)
        {
            message[name] = value;
        }

        return message;
    }
}
