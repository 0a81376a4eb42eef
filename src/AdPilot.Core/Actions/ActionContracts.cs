using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;

namespace AdPilot.Core.Actions;

/// <summary>Who is acting: the source and, within it, the client (a token's name, an OAuth client, a conversation).</summary>
public sealed record Actor(string Source, string? Client)
{
    public static readonly Actor Web = new(ActionSources.Web, null);
}

/// <summary>A change to record: what it was done to, and the state before and after (null for created or deleted).</summary>
/// <param name="RevertsId">For an undo: the entry it reverted.</param>
public sealed record ActionRecord(
    string Action,
    string EntityType,
    long? EntityId,
    string EntityName,
    string Summary,
    JsonNode? Before,
    JsonNode? After,
    long? RevertsId = null);

/// <param name="Effect">The measured effect once 3 days have passed (<see cref="ActionEffects"/>): the entity's metrics before vs after, per currency.</param>
/// <param name="CanUndo">
/// True when the change is one undo can re-apply and it was not undone yet; the undo still refuses if the entity changed since.
/// </param>
public sealed record ActionLogView(
    long Id,
    string Source,
    string? Client,
    string Action,
    string EntityType,
    long? EntityId,
    string EntityName,
    string Summary,
    JsonNode? Before,
    JsonNode? After,
    DateTime CreatedAt,
    DateTime? UndoneAt,
    long? RevertsId,
    JsonNode? Effect = null,
    DateTime? EffectMeasuredAt = null,
    bool CanUndo = false);

public sealed record ActionLogQuery
{
    [Range(1, 10_000)]
    public int Page { get; init; } = 1;

    [Range(1, 100)]
    public int PageSize { get; init; } = 25;

    [StringLength(32)]
    public string? EntityType { get; init; }

    [Range(1, long.MaxValue)]
    public long? EntityId { get; init; }

    [StringLength(16)]
    public string? Source { get; init; }
}
