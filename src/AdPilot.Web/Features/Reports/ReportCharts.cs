using System.Globalization;
using AdPilot.Core.Reports;
using Vizor.ECharts;

namespace AdPilot.Web.Features.Reports;

/// <summary>The chart options of the dashboard and reports page, built from report series (ratios from sums, gaps where undefined).</summary>
internal static class ReportCharts
{
    private static string[] Days(IReadOnlyList<SeriesPoint> points) =>
        points.Select(p => p.Period.ToString("MMM d", CultureInfo.CurrentCulture)).ToArray();

    internal static List<double?> Values(IEnumerable<decimal?> values) => values.Select(v => v is { } d ? (double?)Math.Round((double)d, 2) : null).ToList();

    /// <summary>Spend (bars, left axis) and ROAS (line, right axis) per day.</summary>
    public static ChartOptions Trend(IReadOnlyList<SeriesPoint> points, string spend, string roas, bool showZoom) => new()
    {
        Tooltip = new Tooltip { Trigger = TooltipTrigger.Axis },
        Legend = new Legend { Top = "0" },
        Grid = new Grid { Left = "3%", Right = "3%", Bottom = showZoom ? "15%" : "3%", ContainLabel = true },
        XAxis = new XAxis { Type = AxisType.Category, Data = Days(points) },
        YAxisList = [new YAxis { Type = AxisType.Value, Name = spend }, new YAxis { Type = AxisType.Value, Name = roas }],
        Series =
        [
            new BarSeries { Name = spend, Data = Values(points.Select(p => (decimal?)p.Spend)) },
            new LineSeries { Name = roas, YAxisIndex = 1, Smooth = true, Data = Values(points.Select(p => p.Roas)) },
        ],
    };

    /// <summary>ROAS and CPA lines over the range, with zoom and drag on the time axis.</summary>
    public static ChartOptions RoasCpa(IReadOnlyList<SeriesPoint> points, string roas, string cpa) => new()
    {
        Tooltip = new Tooltip { Trigger = TooltipTrigger.Axis },
        Legend = new Legend { Top = "0" },
        Grid = new Grid { Left = "3%", Right = "3%", Bottom = "18%", ContainLabel = true },
        XAxis = new XAxis { Type = AxisType.Category, Data = Days(points) },
        YAxisList = [new YAxis { Type = AxisType.Value, Name = roas }, new YAxis { Type = AxisType.Value, Name = cpa }],
        DataZoom = [new InsideDataZoom(), new SliderDataZoom()],
        Series =
        [
            new LineSeries { Name = roas, Smooth = true, Data = Values(points.Select(p => p.Roas)) },
            new LineSeries { Name = cpa, YAxisIndex = 1, Smooth = true, Data = Values(points.Select(p => p.Cpa)) },
        ],
    };

    /// <summary>Share of spend per campaign (the largest ten, the rest together).</summary>
    public static ChartOptions SpendShare(IReadOnlyList<BreakdownRow> rows, string name, string others)
    {
        var top = rows.Where(r => r.Spend > 0).OrderByDescending(r => r.Spend).ToList();
        var data = top.Take(10).Select(r => new PieSeriesData { Name = r.Name, Value = (double)r.Spend }).ToList();
        if (top.Count > 10)
        {
            data.Add(new PieSeriesData { Name = others, Value = (double)top.Skip(10).Sum(r => r.Spend) });
        }

        return new ChartOptions
        {
            Tooltip = new Tooltip { Trigger = TooltipTrigger.Item },
            Legend = new Legend { Type = LegendType.Scroll, Bottom = "0" },
            Series = [new PieSeries { Name = name, Radius = new CircleRadius("35%", "65%"), Data = data }],
        };
    }
}
