using System.Text;
using System.Text.Json.Nodes;
using AdPilot.Web.Features.Agent;

namespace AdPilot.Web.Features.Chat;

/// <summary>
/// One message in the chat window, built from a turn's <see cref="AgentEvent"/>s as they stream (or from a stored
/// conversation): the user's text, or the agent's answer as an ordered list of parts. Mutable: the window re-renders it
/// as the parts grow.
/// </summary>
public sealed class ChatEntry
{
    public required string Id { get; init; }

    /// <summary>user or assistant.</summary>
    public required string Role { get; init; }
    public DateTime At { get; set; }
    public List<ChatPart> Parts { get; } = [];
    public ChatEntryStatus Status { get; set; } = ChatEntryStatus.Complete;

    /// <summary>Why the turn failed (a <see cref="TurnFailed"/> code such as insufficient_credits, timeout, provider_error).</summary>
    public string? ErrorCode { get; set; }
    public string? ErrorMessage { get; set; }
    public JsonObject? ErrorDetails { get; set; }

    /// <summary>What the turn cost, once finished.</summary>
    public decimal? Credits { get; set; }

    /// <summary>What the user attached to their message (images uploaded as creatives, links); empty for answers.</summary>
    public List<AgentAttachment> Attachments { get; } = [];

    /// <summary>The whole text of the message (its text parts joined), for Copy.</summary>
    public string Text => string.Join("\n\n", Parts.OfType<TextPart>().Select(p => p.Markdown.ToString()));
}

public enum ChatEntryStatus
{
    Streaming,
    Complete,
    Failed,
    Cancelled,
}

/// <summary>A part of a message, in the order it arrived.</summary>
public abstract class ChatPart
{
    public required string Id { get; init; }
}

/// <summary>Markdown text; grows while it streams.</summary>
public sealed class TextPart : ChatPart
{
    public StringBuilder Markdown { get; } = new();
}

/// <summary>A tool the agent called: its arguments, then its result or error.</summary>
public sealed class ToolPart : ChatPart
{
    public required string Tool { get; init; }
    public JsonObject Input { get; init; } = [];
    public JsonNode? Output { get; set; }
    public ToolState State { get; set; } = ToolState.Running;
}

public enum ToolState
{
    Running,
    Done,
    Failed,
}

public sealed class ChartPart : ChatPart
{
    public required ChartSpec Chart { get; init; }
}

public sealed class TablePart : ChatPart
{
    public required TableSpec Table { get; init; }
}

/// <summary>An action card; <see cref="Action"/> is replaced as it is applied, dismissed or undone.</summary>
public sealed class ActionPart : ChatPart
{
    public required AgentActionView Action { get; set; }
}
