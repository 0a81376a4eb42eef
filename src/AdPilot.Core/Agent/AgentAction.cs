using AdPilot.Core.Common;

namespace AdPilot.Core.Agent;

/// <summary>
/// A write the agent proposed: the tool and arguments that will make it, the dry run's preview, and what became of it.
/// Nothing is written until the user applies it; applying runs the same tool without <c>dry_run</c>.
/// </summary>
public sealed class AgentAction : IOwned
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public long? ConversationId { get; set; }
    public string Tool { get; set; } = "";

    /// <summary>The tool's arguments without <c>dry_run</c> and <c>confirm</c>, as JSON.</summary>
    public string ArgumentsJson { get; set; } = "{}";
    public string EntityType { get; set; } = "";
    public long? EntityId { get; set; }
    public string EntityName { get; set; } = "";
    public string Summary { get; set; } = "";

    /// <summary>The dry run's field changes, before → after, as JSON.</summary>
    public string ChangesJson { get; set; } = "[]";

    /// <summary>Why applying needs an explicit confirmation (a deletion, a budget raise over 50 %); null when it does not.</summary>
    public string? ConfirmBecause { get; set; }

    /// <summary>The estimated effect shown on the card (e.g. spend saved per day at the current run rate), as JSON.</summary>
    public string? EffectJson { get; set; }

    /// <summary><see cref="AgentActionStatuses"/>.</summary>
    public string Status { get; set; } = AgentActionStatuses.Proposed;

    /// <summary>Why applying failed, when it did.</summary>
    public string? Error { get; set; }

    /// <summary>The action-log entry of the applied change (where Undo lives).</summary>
    public long? ActionLogId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? DecidedAt { get; set; }
}

public static class AgentActionStatuses
{
    public const string Proposed = "proposed";

    /// <summary>Taken by one Apply click; the tool is running.</summary>
    public const string Applying = "applying";
    public const string Applied = "applied";
    public const string Dismissed = "dismissed";
    public const string Failed = "failed";
}
