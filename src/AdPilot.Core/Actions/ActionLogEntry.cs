using AdPilot.Core.Common;

namespace AdPilot.Core.Actions;

/// <summary>
/// One applied change, whoever made it: an MCP client, the agent, an automation rule or the web app. It keeps the
/// state before and after as JSON, so the change can be shown, explained and undone.
/// </summary>
public sealed class ActionLogEntry : IOwned
{
    public long Id { get; set; }
    public long UserId { get; set; }

    /// <summary>Where the change came from (<see cref="ActionSources"/>).</summary>
    public string Source { get; set; } = ActionSources.Web;

    /// <summary>Which client of that source: a token's or an OAuth client's name, an agent conversation.</summary>
    public string? Client { get; set; }

    /// <summary>The operation, named like the tool that does it (<c>pause_campaign</c>, <c>update_campaign</c>).</summary>
    public string Action { get; set; } = "";
    public string EntityType { get; set; } = "";
    public long? EntityId { get; set; }
    public string EntityName { get; set; } = "";

    /// <summary>One line a person reads in the log ("Paused campaign Spring sale").</summary>
    public string Summary { get; set; } = "";
    public string? BeforeJson { get; set; }
    public string? AfterJson { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? UndoneAt { get; set; }

    /// <summary>Set on the entry an undo wrote: the entry it reverted.</summary>
    public long? RevertsId { get; set; }

    /// <summary>The measured effect (the entity's metrics in the days before vs after the change), as JSON, once enough days have passed.</summary>
    public string? EffectJson { get; set; }
    public DateTime? EffectMeasuredAt { get; set; }
}

public static class ActionSources
{
    public const string Web = "web";
    public const string Api = "api";
    public const string Mcp = "mcp";
    public const string Agent = "agent";
    public const string Rule = "rule";
}
