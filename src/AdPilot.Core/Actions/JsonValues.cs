using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AdPilot.Core.Actions;

/// <summary>Field values of the action log compared and shown as people mean them: 120 and 120.0000 are the same budget.</summary>
internal static class JsonValues
{
    private const int MaxShown = 80;

    public static bool Same(JsonNode? a, JsonNode? b) => (a, b) switch
    {
        (null, null) => true,
        (JsonObject x, JsonObject y) => x.Count == y.Count && x.All(f => y.ContainsKey(f.Key) && Same(f.Value, y[f.Key])),
        (JsonArray x, JsonArray y) => x.Count == y.Count && x.Zip(y).All(p => Same(p.First, p.Second)),
        (JsonValue x, JsonValue y) when x.GetValueKind() == JsonValueKind.Number && y.GetValueKind() == JsonValueKind.Number =>
            x.GetValue<decimal>() == y.GetValue<decimal>(),
        (JsonValue x, JsonValue y) => x.ToJsonString() == y.ToJsonString(),
        _ => false,
    };

    public static string Show(JsonNode? value)
    {
        var text = value switch
        {
            null => "empty",
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<decimal>().ToString("0.##", CultureInfo.InvariantCulture),
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => value.ToJsonString(),
        };
        return text.Length <= MaxShown ? text : text[..(MaxShown - 1)] + "…";
    }
}
