using System.Text.Json.Nodes;
using AdPilot.Core.Actions;

namespace AdPilot.Web.Features.Actions;

/// <summary>One changed field of an action-log entry as people read it: <c>budget: 100 → 140</c>.</summary>
public sealed record ActionFieldChange(string Field, string Before, string After);

/// <summary>How the action log shows an entry's before and after.</summary>
public static class ActionFormat
{
    private const int MaxValueLength = 80;

    /// <summary>The fields whose value differs; for a creation or a deletion (one side absent) nothing, the kind says it all.</summary>
    public static IReadOnlyList<ActionFieldChange> Changes(ActionLogView entry)
    {
        if (entry.Before is not JsonObject before || entry.After is not JsonObject after)
        {
            return [];
        }

        return before.Select(f => f.Key).Union(after.Select(f => f.Key))
            .Where(f => !JsonNode.DeepEquals(before[f], after[f]))
            .Select(f => new ActionFieldChange(f.Replace('_', ' '), Value(before[f]), Value(after[f])))
            .ToList();
    }

    /// <summary>created, deleted or changed: what the entry did to its entity.</summary>
    public static string Kind(ActionLogView entry) => entry switch
    {
        { Before: null, After: not null } => "created",
        { Before: not null, After: null } => "deleted",
        _ => "changed",
    };

    /// <summary>The campaign page an entry links to, when it is about a campaign that still exists.</summary>
    public static string? Link(ActionLogView entry) =>
        entry is { EntityType: "campaign", EntityId: { } id } && Kind(entry) != "deleted" ? $"/campaigns/{id}" : null;

    private static string Value(JsonNode? node)
    {
        var text = node switch
        {
            null => "—",
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => node.ToJsonString(),
        };
        return text.Length <= MaxValueLength ? text : text[..(MaxValueLength - 1)] + "…";
    }
}
