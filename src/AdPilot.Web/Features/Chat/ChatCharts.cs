using System.Globalization;
using AdPilot.Web.Features.Agent;
using AdPilot.Web.Features.Reports;
using Vizor.ECharts;

namespace AdPilot.Web.Features.Chat;

/// <summary>The ECharts options of a chart the agent shows: the reports page's look (axis tooltip, legend that toggles series), line or bar, the unit on the value axis.</summary>
public static class ChatCharts
{
    public static ChartOptions Options(ChartSpec spec) => new()
    {
        Tooltip = new Tooltip { Trigger = TooltipTrigger.Axis },
        Legend = new Legend { Type = LegendType.Scroll, Top = "0" },
        Grid = new Grid { Left = "3%", Right = "4%", Top = "40", Bottom = "3%", ContainLabel = true },
        XAxis = new XAxis { Type = AxisType.Category, Data = Labels(spec.X) },
        YAxis = new YAxis
        {
            Type = AxisType.Value,
            Name = spec.Unit,
            AxisLabel = spec.Unit is { Length: > 0 } unit ? new AxisLabel { Formatter = unit == "%" ? "{value}%" : "{value} " + unit } : null,
        },
        Series = spec.Series.Select(s => spec.Kind == "bar"
            ? (ISeries)new BarSeries { Name = s.Name, Data = ReportCharts.Values(s.Values) }
            : new LineSeries { Name = s.Name, Smooth = true, Data = ReportCharts.Values(s.Values) }).ToList(),
    };

    /// <summary>Dates (yyyy-MM-dd) as the reader's month and day; names as they are.</summary>
    private static string[] Labels(IReadOnlyList<string> x) =>
        x.All(v => DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            ? x.Select(v => DateOnly.ParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("M", CultureInfo.CurrentCulture)).ToArray()
            : x.ToArray();
}
