using System.Text.Json.Nodes;

namespace AdPilot.Web.Features.Agent;

/// <summary>
/// What a turn streams, in order, whichever transport carries it (the Blazor chat, /ws/chat, /api/chat): the turn
/// starts, text arrives in deltas, tools are called and answer, charts, tables and action cards are shown, and the turn
/// finishes or fails. Every turn ends with exactly one <see cref="TurnFinished"/> or <see cref="TurnFailed"/>.
/// </summary>
public abstract record AgentEvent;

/// <summary>The turn began: the conversation it belongs to (created for a first message) and the ids its messages will have.</summary>
public sealed record TurnStarted(long ConversationId, long UserMessageId, string MessageId) : AgentEvent;

/// <summary>A piece of the answer's Markdown text; <paramref name="TextId"/> groups the deltas of one text block.</summary>
public sealed record TextDelta(string TextId, string Text) : AgentEvent;

/// <summary>The agent called a tool with these arguments.</summary>
public sealed record ToolStarted(string CallId, string Tool, JsonObject Arguments) : AgentEvent;

/// <summary>A tool answered: its structured result, or its error (<c>{"error": {"code", "message"}}</c>).</summary>
public sealed record ToolFinished(string CallId, string Tool, JsonNode? Output, bool IsError) : AgentEvent;

/// <summary>
/// Something to show beside the text: a chart (<see cref="ChartSpec"/>), a table (<see cref="TableSpec"/>) or an action
/// card (<see cref="AgentActionView"/>). <paramref name="Kind"/> is chart, table or action; over /api/chat it is the
/// <c>data-*</c> part's type.
/// </summary>
public sealed record DataShown(string Kind, string Id, JsonNode Data) : AgentEvent;

/// <summary>The turn ended with an answer; what it cost.</summary>
public sealed record TurnFinished(string Model, int InputTokens, int OutputTokens, decimal Credits, decimal BalanceAfter) : AgentEvent;

/// <summary>
/// The turn ended without an answer. <paramref name="Code"/> is stable (insufficient_credits, turn_in_progress,
/// provider_error, cancelled, timeout, validation_failed, not_found…); any credits charged were refunded.
/// </summary>
public sealed record TurnFailed(string Code, string Message, JsonObject? Details = null) : AgentEvent;
