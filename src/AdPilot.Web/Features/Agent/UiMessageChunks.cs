using System.Text.Json.Nodes;

namespace AdPilot.Web.Features.Agent;

/// <summary>
/// A turn's events as the chunks of the AI SDK's UI message stream (what <c>useChat</c> reads): <c>start</c> (with the
/// conversation's id in <c>messageMetadata</c>), steps, <c>text-start</c>/<c>-delta</c>/<c>-end</c>, tool input and output,
/// <c>data-chart</c>/<c>data-table</c>/<c>data-action</c>, then <c>finish</c> (what it cost) or <c>error</c>. Only the
/// fields the SDK's chunk schema has since v5 are written, so older clients, whose schema is strict, read it too.
/// One instance per turn: it remembers the open text block and whether a new model step began.
/// </summary>
public sealed class UiMessageChunks
{
    private long _conversationId;
    private string? _openText;
    private bool _afterToolResult;

    public IEnumerable<JsonObject> For(AgentEvent e)
    {
        switch (e)
        {
            case TurnStarted s:
                _conversationId = s.ConversationId;
                yield return new JsonObject
                {
                    ["type"] = "start",
                    ["messageId"] = s.MessageId,
                    ["messageMetadata"] = new JsonObject { ["conversationId"] = s.ConversationId, ["userMessageId"] = s.UserMessageId },
                };
                yield return Chunk("start-step");
                break;
            case TextDelta t:
                if (_afterToolResult)
                {
                    // Text after tool results is the model's next round: a new step, as the SDK's own servers stream it.
                    _afterToolResult = false;
                    foreach (var chunk in EndStep(newStep: true))
                    {
                        yield return chunk;
                    }
                }

                if (_openText != t.TextId)
                {
                    foreach (var chunk in EndText())
                    {
                        yield return chunk;
                    }

                    _openText = t.TextId;
                    yield return new JsonObject { ["type"] = "text-start", ["id"] = t.TextId };
                }

                yield return new JsonObject { ["type"] = "text-delta", ["id"] = t.TextId, ["delta"] = t.Text };
                break;
            case ToolStarted t:
                foreach (var chunk in EndText())
                {
                    yield return chunk;
                }

                yield return new JsonObject { ["type"] = "tool-input-available", ["toolCallId"] = t.CallId, ["toolName"] = t.Tool, ["input"] = t.Arguments.DeepClone() };
                break;
            case ToolFinished { IsError: true } t:
                _afterToolResult = true;
                yield return new JsonObject { ["type"] = "tool-output-error", ["toolCallId"] = t.CallId, ["errorText"] = ErrorText(t.Output) };
                break;
            case ToolFinished t:
                _afterToolResult = true;
                yield return new JsonObject { ["type"] = "tool-output-available", ["toolCallId"] = t.CallId, ["output"] = t.Output?.DeepClone() };
                break;
            case DataShown d:
                yield return new JsonObject { ["type"] = "data-" + d.Kind, ["id"] = d.Id, ["data"] = d.Data.DeepClone() };
                break;
            case TurnFinished f:
                foreach (var chunk in EndStep(newStep: false))
                {
                    yield return chunk;
                }

                yield return new JsonObject
                {
                    ["type"] = "finish",
                    ["messageMetadata"] = new JsonObject
                    {
                        ["conversationId"] = _conversationId,
                        ["model"] = f.Model,
                        ["inputTokens"] = f.InputTokens,
                        ["outputTokens"] = f.OutputTokens,
                        ["credits"] = f.Credits,
                        ["balanceAfter"] = f.BalanceAfter,
                    },
                };
                break;
            case TurnFailed f:
                foreach (var chunk in EndStep(newStep: false))
                {
                    yield return chunk;
                }

                // useChat stops reading at an error chunk, so the stable code goes first, in the message's metadata.
                yield return new JsonObject
                {
                    ["type"] = "message-metadata",
                    ["messageMetadata"] = new JsonObject
                    {
                        ["conversationId"] = _conversationId,
                        ["error"] = new JsonObject { ["code"] = f.Code, ["message"] = f.Message },
                    },
                };
                yield return new JsonObject { ["type"] = "error", ["errorText"] = f.Message };
                break;
        }
    }

    private IEnumerable<JsonObject> EndText()
    {
        if (_openText is { } id)
        {
            _openText = null;
            yield return new JsonObject { ["type"] = "text-end", ["id"] = id };
        }
    }

    private IEnumerable<JsonObject> EndStep(bool newStep)
    {
        foreach (var chunk in EndText())
        {
            yield return chunk;
        }

        yield return Chunk("finish-step");
        if (newStep)
        {
            yield return Chunk("start-step");
        }
    }

    private static JsonObject Chunk(string type) => new() { ["type"] = type };

    private static string ErrorText(JsonNode? output) =>
        (output as JsonObject)?["error"] is JsonObject error && error["message"] is JsonValue message && message.TryGetValue<string>(out var text) ? text : "The tool failed.";
}
