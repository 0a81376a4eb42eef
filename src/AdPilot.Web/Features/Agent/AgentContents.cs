using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace AdPilot.Web.Features.Agent;

/// <summary>A chart the agent shows in its answer (rendered by the chat UI as an ECharts chart; a <c>data-chart</c> part over /api/chat).</summary>
/// <param name="Kind">line or bar.</param>
/// <param name="X">The category axis: dates (yyyy-MM-dd) or names.</param>
public sealed record ChartSpec(string Title, string Kind, IReadOnlyList<string> X, IReadOnlyList<ChartSeries> Series, string? Unit = null);

public sealed record ChartSeries(string Name, IReadOnlyList<decimal?> Values);

/// <summary>A table the agent shows in its answer (sortable and exportable in the chat UI; a <c>data-table</c> part). Cells keep their JSON type so numbers sort as numbers.</summary>
public sealed record TableSpec(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<JsonNode?>> Rows);

/// <summary>A chart in a chat response, beside its text.</summary>
public sealed class ChartContent(ChartSpec chart) : AIContent
{
    public ChartSpec Chart { get; } = chart;
}

/// <summary>A table in a chat response, beside its text.</summary>
public sealed class TableContent(TableSpec table) : AIContent
{
    public TableSpec Table { get; } = table;
}
