using System.Globalization;
using System.Text.Json;

namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>Reading the tools' snake_case JSON results; a missing or null field reads as null (or empty).</summary>
internal static class JsonRead
{
    public static JsonElement? Get(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static decimal? Dec(this JsonElement e, string name) => e.Get(name) is { ValueKind: JsonValueKind.Number } v ? v.GetDecimal() : null;

    public static long Long(this JsonElement e, string name) => e.Get(name) is { ValueKind: JsonValueKind.Number } v ? v.GetInt64() : 0;

    public static string Str(this JsonElement e, string name) => e.Get(name) is { } v ? v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText() : "";

    public static DateOnly Date(this JsonElement e, string name) => DateOnly.ParseExact(e.Str(name), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool Bool(this JsonElement e, string name) => e.Get(name) is { ValueKind: JsonValueKind.True };

    public static IEnumerable<JsonElement> Items(this JsonElement e, string name) =>
        e.Get(name) is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray() : [];

    /// <summary>A metric of a totals or breakdown row; cvr (conversions per click) is worked out, as the rows carry no column for it.</summary>
    public static decimal? Metric(this JsonElement row, string metric) => metric == "cvr"
        ? row.Long("clicks") is > 0 and var clicks ? Math.Round((decimal)row.Long("conversions") / clicks, 6) : null
        : row.Dec(metric);
}
