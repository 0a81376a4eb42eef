using System.Text.Json.Nodes;
using AdPilot.Web.Features.Mcp;

namespace AdPilot.Web.Features.Agent;

/// <summary>An action card: a write the agent proposed, what it changes, its estimated effect, and what became of it.</summary>
/// <param name="Status">proposed, applied, dismissed or failed.</param>
/// <param name="ConfirmBecause">Why Apply needs an explicit confirmation; null when one click is enough.</param>
/// <param name="Effect">The estimated effect, e.g. <c>{"summary": "Saves about $42.10 a day at the last 7 days' run rate", "spend_per_day": -42.10, "currency": "USD"}</c>; null when the data does not allow one.</param>
/// <param name="ActionLogId">The action-log entry once applied (Undo lives there).</param>
public sealed record AgentActionView(
    long Id,
    long? ConversationId,
    string Tool,
    string EntityType,
    long? EntityId,
    string EntityName,
    string Summary,
    IReadOnlyList<FieldChange> Changes,
    string? ConfirmBecause,
    JsonNode? Effect,
    string Status,
    string? Error,
    long? ActionLogId,
    DateTime CreatedAt,
    DateTime? DecidedAt);
