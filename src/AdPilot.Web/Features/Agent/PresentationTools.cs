using System.ComponentModel;
using System.Text.Json;
using AdPilot.Web.Features.Mcp;
using Microsoft.Extensions.AI;

namespace AdPilot.Web.Features.Agent;

/// <summary>
/// The agent's two functions that only show something in the chat — a chart or a table beside the answer — so a model
/// can present the numbers it got from the registry's tools. They read and change nothing, so they are not MCP tools
/// (an MCP client draws its own charts).
/// </summary>
internal static class PresentationTools
{
    private const int MaxPoints = 400;
    private const int MaxSeries = 12;
    private const int MaxRows = 500;

    public static IEnumerable<AITool> For(AgentTurnScope turn)
    {
        var shown = 0;
        string Id(string kind) => $"{kind}-{Interlocked.Increment(ref shown)}";

        yield return AIFunctionFactory.Create(
            ([Description("The chart's title.")] string title,
             [Description("line (trends over time) or bar (comparisons).")] string kind,
             [Description("The category axis: dates yyyy-MM-dd or names, at most 400.")] string[] x,
             [Description("One or more series, each a name and one value per x (null for no value).")] ChartSeries[] series,
             [Description("What the values are in, e.g. USD or %.")] string? unit = null) =>
            {
                if (kind is not ("line" or "bar") || x.Length is 0 or > MaxPoints || series.Length is 0 or > MaxSeries || series.Any(s => s.Values.Count != x.Length))
                {
                    return "Not shown: kind must be line or bar, with 1-400 x values, 1-12 series and one value per x in each series.";
                }

                turn.Emit(new DataShown("chart", Id("chart"), JsonSerializer.SerializeToNode(new ChartSpec(title, kind, x, series, unit), McpJson.Options)!));
                return "The chart is shown to the user.";
            },
            new AIFunctionFactoryOptions { Name = "show_chart", Description = "Shows the user a chart of numbers you got from the tools, beside your answer.", SerializerOptions = McpJson.Options });

        yield return AIFunctionFactory.Create(
            ([Description("The table's title.")] string title,
             [Description("The column headers.")] string[] columns,
             [Description("The rows, each one value per column (numbers as numbers), at most 500.")] JsonElement[][] rows) =>
            {
                if (columns.Length is 0 or > 20 || rows.Length > MaxRows || rows.Any(r => r.Length != columns.Length))
                {
                    return "Not shown: give 1-20 columns and at most 500 rows with one value per column.";
                }

                var spec = new TableSpec(title, columns, rows.Select(r => (IReadOnlyList<System.Text.Json.Nodes.JsonNode?>)r.Select(c => System.Text.Json.Nodes.JsonNode.Parse(c.GetRawText())).ToList()).ToList());
                turn.Emit(new DataShown("table", Id("table"), JsonSerializer.SerializeToNode(spec, McpJson.Options)!));
                return "The table is shown to the user.";
            },
            new AIFunctionFactoryOptions { Name = "show_table", Description = "Shows the user a sortable, exportable table beside your answer.", SerializerOptions = McpJson.Options });
    }
}
