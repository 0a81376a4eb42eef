using System.Text.Json.Nodes;

namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>Tables and charts for an answer, with cells typed so numbers sort as numbers.</summary>
internal static class AgentData
{
    public static TableContent Table(string title, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows) =>
        new(new TableSpec(title, columns, [.. rows.Select(r => (IReadOnlyList<JsonNode?>)[.. r.Select(Cell)])]));

    public static ChartContent Chart(string title, string kind, IReadOnlyList<string> x, IReadOnlyList<ChartSeries> series, string? unit = null) =>
        new(new ChartSpec(title, kind, x, series, unit));

    private static JsonNode? Cell(object? value) => value switch
    {
        null => null,
        decimal d => JsonValue.Create(d),
        long l => JsonValue.Create(l),
        int i => JsonValue.Create(i),
        bool b => JsonValue.Create(b),
        _ => JsonValue.Create(value.ToString()),
    };
}
