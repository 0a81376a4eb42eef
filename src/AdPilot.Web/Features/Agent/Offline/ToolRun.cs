using System.Globalization;
using System.Text.Json;

namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>A tool call of this turn and what it returned: the tool's JSON, or its error (code and message).</summary>
internal sealed record ToolRun(string Name, IDictionary<string, object?> Arguments, JsonElement Result)
{
    public string? ErrorCode => Error is { } e && e.TryGetProperty("code", out var c) ? c.ToString() : Error is null ? null : "error";

    public string? ErrorMessage => Error is { } e && e.TryGetProperty("message", out var m) ? m.ToString() : null;

    public bool Failed => Error is not null;

    private JsonElement? Error => Result.ValueKind == JsonValueKind.Object && Result.TryGetProperty("error", out var e) ? e : null;

    /// <summary>Whether this run is that call: same tool, and every argument of the call has the same value here (the orchestrator may add dry_run).</summary>
    public bool Is(ToolCall call) =>
        Name == call.Name && call.Arguments.All(a => Arguments.TryGetValue(a.Key, out var value) && Text(value) == Text(a.Value));

    public string? Argument(string key) => Arguments.TryGetValue(key, out var value) ? Text(value) : null;

    /// <summary>An argument's value as text, the same whether it is a C# value or the JSON it became.</summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString()!,
        JsonElement { ValueKind: JsonValueKind.Number } e => Number(e.GetDecimal()),
        JsonElement e => e.GetRawText(),
        string s => s,
        bool b => b ? "true" : "false",
        IConvertible c when value is not Enum => Number(c.ToDecimal(CultureInfo.InvariantCulture)),
        _ => value.ToString() ?? "",
    };

    private static string Number(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
