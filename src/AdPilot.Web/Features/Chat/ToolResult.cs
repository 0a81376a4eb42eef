using System.Text.Json;
using System.Text.Json.Nodes;
using AdPilot.Web.Features.Agent;

namespace AdPilot.Web.Features.Chat;

/// <summary>What a tool card shows of a tool's result: its error, a table when the result holds a list, else the JSON.</summary>
public static class ToolResult
{
    private const int MaxColumns = 8;
    private const int MaxRows = 200;

    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The list properties tools answer with, most specific first; any other array of objects is the fallback.</summary>
    private static readonly string[] ListKeys = ["items", "rows", "accounts", "campaigns", "ad_sets", "ads", "creatives", "notifications", "transactions", "findings", "series"];

    public static string? Error(JsonNode? output) => (string?)(output?["error"]?["message"] as JsonValue);

    /// <summary>The result's list as a table (the primitive fields of its objects as columns), or null when it holds none.</summary>
    public static TableSpec? Table(string title, JsonNode? output)
    {
        if (List(output) is not { Count: > 0 } list)
        {
            return null;
        }

        var objects = list.OfType<JsonObject>().Take(MaxRows).ToList();
        var columns = objects.SelectMany(o => o.Where(p => p.Value is null or JsonValue).Select(p => p.Key)).Distinct().Take(MaxColumns).ToList();
        if (objects.Count == 0 || columns.Count == 0)
        {
            return null;
        }

        var rows = objects.Select(o => (IReadOnlyList<JsonNode?>)columns.Select(c => o[c]?.DeepClone()).ToList()).ToList();
        return new TableSpec(title, columns.Select(c => c.Replace('_', ' ')).ToList(), rows);
    }

    public static string Json(JsonNode? output) => output?.ToJsonString(Pretty) ?? "null";

    private static JsonArray? List(JsonNode? output) => output switch
    {
        JsonArray array => array,
        JsonObject { Count: 1 } wrapper when wrapper["result"] is { } inner => List(inner),
        JsonObject o => ListKeys.Select(k => o[k] as JsonArray).FirstOrDefault(a => a is not null)
            ?? o.Select(p => p.Value).OfType<JsonArray>().FirstOrDefault(a => a.Count > 0 && a[0] is JsonObject),
        _ => null,
    };
}
