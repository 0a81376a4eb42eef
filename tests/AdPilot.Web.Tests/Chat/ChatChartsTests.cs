using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdPilot.Web.Features.Agent;
using AdPilot.Web.Features.Chat;
using Vizor.ECharts;

namespace AdPilot.Web.Tests.Chat;

/// <summary>The ECharts options of a chart the agent shows.</summary>
public sealed class ChatChartsTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    [Fact]
    public void Options_LineChartOfDates_HasATooltipALegendEverySeriesAndTheUnitOnTheAxis()
    {
        var spec = new ChartSpec("Spend per day", "line", ["2025-05-01", "2025-05-02"],
            [new ChartSeries("Meta", [10.126m, null]), new ChartSeries("TikTok", [3m, 4m])], "USD");

        var options = WithCulture("en-US", () => ChatCharts.Options(spec));

        Assert.Equal(TooltipTrigger.Axis, options.Tooltip!.Trigger);
        Assert.NotNull(options.Legend);
        Assert.Equal(["May 1", "May 2"], Labels(options));
        var axis = (YAxis)options.YAxis!;
        Assert.Equal("USD", axis.Name);
        Assert.Equal("{value} USD", (string?)JsonSerializer.SerializeToNode(axis, Json)!["axisLabel"]!["formatter"]);
        var series = options.Series!.Cast<LineSeries>().ToList();
        Assert.Equal(["Meta", "TikTok"], series.Select(s => s.Name!.ToString()));
        Assert.Equal([10.13, null], (List<double?>)series[0].Data!);
    }

    [Fact]
    public void Options_BarChartOfNames_KeepsTheNames_AndShowsPercentAfterTheValue()
    {
        var spec = new ChartSpec("CTR by campaign", "bar", ["Spring", "Summer"], [new ChartSeries("CTR", [1.2m, 0.8m])], "%");

        var options = ChatCharts.Options(spec);

        Assert.Equal(["Spring", "Summer"], Labels(options));
        Assert.Equal("{value}%", (string?)JsonSerializer.SerializeToNode((YAxis)options.YAxis!, Json)!["axisLabel"]!["formatter"]);
        Assert.IsType<BarSeries>(Assert.Single(options.Series!));
    }

    [Fact]
    public void Options_WithoutAUnit_HasNoAxisName()
    {
        var options = ChatCharts.Options(new ChartSpec("Clicks", "line", ["a"], [new ChartSeries("Clicks", [1m])]));

        Assert.Null(((YAxis)options.YAxis!).Name);
        Assert.Null(((YAxis)options.YAxis!).AxisLabel);
    }

    /// <summary>The category labels as ECharts receives them.</summary>
    private static string[] Labels(ChartOptions options) =>
        JsonSerializer.SerializeToNode(options.XAxis, Json)!["data"]!.AsArray().Select(d => (string)(d is JsonObject o ? o["value"]! : d!)!).ToArray();

    private static T WithCulture<T>(string culture, Func<T> work)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return work();
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
