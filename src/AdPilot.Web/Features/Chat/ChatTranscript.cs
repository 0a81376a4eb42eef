using System.Text.Json;
using System.Text.Json.Nodes;
using AdPilot.Core.Agent;
using AdPilot.Web.Features.Agent;
using AdPilot.Web.Features.Mcp;

namespace AdPilot.Web.Features.Chat;

/// <summary>
/// A conversation as the chat window shows it: the user's messages and the agent's answers as <see cref="ChatEntry"/>s,
/// grown from a turn's <see cref="AgentEvent"/>s as they stream, or rebuilt from a stored conversation.
/// </summary>
public sealed class ChatTranscript
{
    private int _local;

    public List<ChatEntry> Entries { get; } = [];

    /// <summary>The answer being written, from <see cref="TurnStarted"/> until the turn ends.</summary>
    public ChatEntry? Answer { get; private set; }

    public ChatEntry AddUser(string text, IReadOnlyList<AgentAttachment>? attachments, DateTime at) =>
        AddUser($"local-{++_local}", text, attachments, at);

    /// <summary>A failed answer for a turn refused before it streamed (no credits, another turn running…).</summary>
    public ChatEntry AddFailure(string code, string message, JsonObject? details, DateTime at)
    {
        var entry = new ChatEntry { Id = $"local-{++_local}", Role = MessageRoles.Assistant, At = at };
        Fail(entry, code, message, details);
        Entries.Add(entry);
        return entry;
    }

    /// <summary>Applies one event of the turn in progress; <see cref="TurnStarted"/> opens the answer.</summary>
    public void Apply(AgentEvent e, DateTime at)
    {
        if (e is TurnStarted started)
        {
            Answer = new ChatEntry { Id = started.MessageId, Role = MessageRoles.Assistant, At = at, Status = ChatEntryStatus.Streaming };
            Entries.Add(Answer);
            return;
        }

        if (Answer is not { } answer)
        {
            if (e is TurnFailed early)
            {
                AddFailure(early.Code, early.Message, early.Details, at);
            }

            return;
        }

        switch (e)
        {
            case TextDelta delta:
                if (answer.Parts.Count > 0 && answer.Parts[^1] is TextPart last && last.Id == delta.TextId)
                {
                    last.Markdown.Append(delta.Text);
                }
                else
                {
                    answer.Parts.Add(Text(delta.TextId, delta.Text));
                }

                break;
            case ToolStarted tool:
                answer.Parts.Add(new ToolPart { Id = tool.CallId, Tool = tool.Tool, Input = (JsonObject)tool.Arguments.DeepClone() });
                break;
            case ToolFinished done:
                var part = answer.Parts.OfType<ToolPart>().FirstOrDefault(p => p.Id == done.CallId);
                if (part is null)
                {
                    part = new ToolPart { Id = done.CallId, Tool = done.Tool };
                    answer.Parts.Add(part);
                }

                part.Output = done.Output?.DeepClone();
                part.State = done.IsError ? ToolState.Failed : ToolState.Done;
                break;
            case DataShown data when Data(data.Kind, data.Id, data.Data) is { } shown:
                Put(answer, shown);
                break;
            case TurnFinished finished:
                answer.Status = ChatEntryStatus.Complete;
                answer.Credits = finished.Credits;
                Answer = null;
                break;
            case TurnFailed failed:
                Fail(answer, failed.Code, failed.Message, failed.Details);
                Answer = null;
                break;
        }
    }

    /// <summary>
    /// A stored conversation. Answers keep their text and parts but not where the text sat between them, so an answer
    /// shows its tool calls, then its text, then its charts, tables and action cards (the order they read best in).
    /// </summary>
    public static ChatTranscript From(ConversationView conversation)
    {
        var transcript = new ChatTranscript();
        foreach (var m in conversation.Messages)
        {
            var parts = Parse(m.PartsJson);
            if (m.Role == MessageRoles.User)
            {
                var attachments = parts.Select(Attachment).OfType<AgentAttachment>().ToList();
                transcript.AddUser($"m{m.Id}", m.Text, attachments, m.CreatedAt);
                continue;
            }

            var entry = new ChatEntry
            {
                Id = $"m{m.Id}",
                Role = MessageRoles.Assistant,
                At = m.CreatedAt,
                Credits = m.Credits,
                Status = m.Status switch
                {
                    MessageStatuses.Cancelled => ChatEntryStatus.Cancelled,
                    MessageStatuses.Failed => ChatEntryStatus.Failed,
                    _ => ChatEntryStatus.Complete,
                },
            };
            entry.Parts.AddRange(parts.Select(Stored).OfType<ToolPart>());
            if (m.Text.Length > 0)
            {
                entry.Parts.Add(Text($"m{m.Id}-text", m.Text));
            }

            entry.Parts.AddRange(parts.Select(Stored).Where(p => p is not null and not ToolPart)!);
            transcript.Entries.Add(entry);
        }

        return transcript;
    }

    /// <summary>Replaces an action card's view once it was applied, dismissed or undone.</summary>
    public void Update(AgentActionView action)
    {
        foreach (var part in Entries.SelectMany(e => e.Parts).OfType<ActionPart>().Where(p => p.Action.Id == action.Id))
        {
            part.Action = action;
        }
    }

    private static void Fail(ChatEntry entry, string code, string message, JsonObject? details)
    {
        entry.Status = code == "cancelled" ? ChatEntryStatus.Cancelled : ChatEntryStatus.Failed;
        entry.ErrorCode = code;
        entry.ErrorMessage = message;
        entry.ErrorDetails = details;
    }

    private static void Put(ChatEntry entry, ChatPart part)
    {
        var at = entry.Parts.FindIndex(p => p.Id == part.Id);
        if (at >= 0)
        {
            entry.Parts[at] = part;
        }
        else
        {
            entry.Parts.Add(part);
        }
    }

    private static TextPart Text(string id, string text)
    {
        var part = new TextPart { Id = id };
        part.Markdown.Append(text);
        return part;
    }

    private ChatEntry AddUser(string id, string text, IReadOnlyList<AgentAttachment>? attachments, DateTime at)
    {
        var entry = new ChatEntry { Id = id, Role = MessageRoles.User, At = at };
        entry.Parts.Add(Text($"{id}-text", text));
        entry.Attachments.AddRange(attachments ?? []);
        Entries.Add(entry);
        return entry;
    }

    private static List<JsonObject> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(json) is JsonArray array ? [.. array.OfType<JsonObject>()] : [];
        }
        catch (JsonException)
        {
            return []; // a damaged row shows its text rather than failing the whole conversation
        }
    }

    private static ChatPart? Stored(JsonObject part)
    {
        var type = (string?)part["type"] ?? "";
        if (type.StartsWith("tool-", StringComparison.Ordinal))
        {
            return new ToolPart
            {
                Id = (string?)part["toolCallId"] ?? Guid.NewGuid().ToString("N"),
                Tool = type["tool-".Length..],
                Input = part["input"] as JsonObject is { } input ? (JsonObject)input.DeepClone() : [],
                Output = part["output"]?.DeepClone(),
                State = (string?)part["state"] == "output-error" ? ToolState.Failed : ToolState.Done,
            };
        }

        return type.StartsWith("data-", StringComparison.Ordinal) && part["data"] is { } data
            ? Data(type["data-".Length..], (string?)part["id"] ?? Guid.NewGuid().ToString("N"), data)
            : null;
    }

    private static ChatPart? Data(string kind, string id, JsonNode data)
    {
        try
        {
            return kind switch
            {
                "chart" when data.Deserialize<ChartSpec>(McpJson.Options) is { } chart => new ChartPart { Id = id, Chart = chart },
                "table" when data.Deserialize<TableSpec>(McpJson.Options) is { } table => new TablePart { Id = id, Table = table },
                "action" when data.Deserialize<AgentActionView>(McpJson.Options) is { } action => new ActionPart { Id = id, Action = action },
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static AgentAttachment? Attachment(JsonObject part) => (string?)part["type"] switch
    {
        "data-image" when part["data"]?["creativeId"] is JsonValue id && id.TryGetValue<long>(out var creativeId) => new AgentAttachment { Kind = "image", CreativeId = creativeId },
        "source-url" when (string?)part["url"] is { } url => new AgentAttachment { Kind = "link", Url = url },
        _ => null,
    };
}
