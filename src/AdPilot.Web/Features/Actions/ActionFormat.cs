using System.Globalization;
using System.Text.Json.Nodes;
using AdPilot.Core.Actions;
using AdPilot.Web.Features.Reports;
using Microsoft.Extensions.Localization;

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

    /// <summary>
    /// The measured effect in one line per currency ("Effect after 3 days: spend -32%, CPA 20.00 USD → 13.60 USD, …"), or why there
    /// is none; empty while it is not measured yet.
    /// </summary>
    public static IReadOnlyList<string> Effect(ActionLogView entry, IStringLocalizer l) => entry.Effect?["status"]?.GetValue<string>() switch
    {
        "measured" => (entry.Effect["currencies"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(c => string.Format(CultureInfo.CurrentCulture, l["Actions.Effect"], string.Join(", ", EffectParts(c, l)))).ToList(),
        "no_metrics" => [l["Actions.Effect.NoMetrics"]],
        "undone" => [l["Actions.Effect.Undone"]],
        _ => [],
    };

    private static IEnumerable<string> EffectParts(JsonObject effect, IStringLocalizer l)
    {
        var currency = effect["currency"]?.GetValue<string>() ?? "";
        decimal? Number(string side, string metric) => effect[side]?[metric]?.GetValue<decimal>();
        string Format(string key, params object[] values) => string.Format(CultureInfo.CurrentCulture, l[key], values);

        yield return effect["change_percent"]?["spend"] is { } change
            ? Format("Actions.Effect.Spend", ReportFormat.Change(change.GetValue<decimal>()))
            : Format("Actions.Effect.SpendFromTo", ReportFormat.Money(Number("before", "spend"), currency), ReportFormat.Money(Number("after", "spend"), currency));
        if (Number("before", "cpa") is not null || Number("after", "cpa") is not null)
        {
            yield return Format("Actions.Effect.Cpa", ReportFormat.Money(Number("before", "cpa"), currency), ReportFormat.Money(Number("after", "cpa"), currency));
        }

        if (Number("before", "roas") is not null || Number("after", "roas") is not null)
        {
            yield return Format("Actions.Effect.Roas", ReportFormat.Roas(Number("before", "roas")), ReportFormat.Roas(Number("after", "roas")));
        }
    }

    internal static string Value(JsonNode? node)
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
