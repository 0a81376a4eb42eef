using System.Globalization;
using AdPilot.Core.LandingPages;
using Vizor.ECharts;

namespace AdPilot.Web.Features.LandingPages;

/// <summary>The detail page's chart: views and clicks as lines, leads as bars on their own axis (far fewer of them).</summary>
internal static class LandingPageCharts
{
    public static ChartOptions Daily(IReadOnlyList<PageDayStats> days, string views, string clicks, string leads) => new()
    {
        Tooltip = new Tooltip { Trigger = TooltipTrigger.Axis },
        Legend = new Legend { Top = "0" },
        Grid = new Grid { Left = "3%", Right = "3%", Bottom = "3%", ContainLabel = true },
        XAxis = new XAxis { Type = AxisType.Category, Data = days.Select(d => d.Date.ToString("MMM d", CultureInfo.CurrentCulture)).ToArray() },
        YAxisList = [new YAxis { Type = AxisType.Value, MinInterval = 1 }, new YAxis { Type = AxisType.Value, MinInterval = 1 }],
        Series =
        [
            new LineSeries { Name = views, Smooth = true, Data = days.Select(d => (double?)d.Views).ToList() },
            new LineSeries { Name = clicks, Smooth = true, Data = days.Select(d => (double?)d.Clicks).ToList() },
            new BarSeries { Name = leads, YAxisIndex = 1, Data = days.Select(d => (double?)d.Leads).ToList() },
        ],
    };
}
