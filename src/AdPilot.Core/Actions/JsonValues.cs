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
        (JsonValue x, JsonValue y) when Number(x) is { } m && Number(y) is { } n => m == n,
        (JsonValue x, JsonValue y) => x.ToJsonString() == y.ToJsonString(),
        _ => false,
    };

    public static string Show(JsonNode? value)
    {
        var text = value switch
        {
            null => "empty",
            JsonValue v when Number(v) is { } number => number.ToString("0.##", CultureInfo.InvariantCulture),
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => value.ToJsonString(),
        };
        return text.Length <= MaxShown ? text : text[..(MaxShown - 1)] + "…";
    }

    /// <summary>A number as a decimal, whatever it was read or made from (JSON text, a decimal, an int).</summary>
    private static decimal? Number(JsonValue value) =>
        value.GetValueKind() == JsonValueKind.Number
        && decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
}
