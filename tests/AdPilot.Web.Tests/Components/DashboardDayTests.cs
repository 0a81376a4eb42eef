using AdPilot.Core.Reports;
using AdPilot.Web.Features.Reports;
using Bunit;

namespace AdPilot.Web.Tests.Components;

public sealed class DashboardDayTests : UiTestContext
{
    private static readonly MetricTotals Yesterday = new(100m, 10_000, 100, 5, 250m, 0.01m, 1m, 20m, 2.5m);

    [Fact]
    public void ADayWithNumbers_ShowsThemWithTheChangeFromTheDayBefore()
    {
        var today = new MetricTotals(120m, 11_000, 120, 4, 240m, 0.010909m, 1m, 30m, 2m);

        var card = Render<DashboardDay>(p => p
            .Add(c => c.Label, "Today")
            .Add(c => c.Currency, "USD")
            .Add(c => c.Summary, new CurrencySummary("USD", today, Yesterday, Sums.Change(today, Yesterday))));

        Assert.Contains("+20", card.Find("[data-testid=card-spend]").TextContent, StringComparison.Ordinal);
        Assert.Contains("+50", card.Find("[data-testid=card-cpa]").TextContent, StringComparison.Ordinal);
        Assert.Equal("vs. the day before", card.Find("[data-testid=dashboard-day-note]").TextContent.Trim());
    }

    [Fact]
    public void ADayWithoutNumbersYet_IsNotShownAsAHundredPercentDrop()
    {
        var empty = new MetricTotals(0m, 0, 0, 0, 0m, null, null, null, null);

        var card = Render<DashboardDay>(p => p
            .Add(c => c.Label, "Today")
            .Add(c => c.Currency, "USD")
            .Add(c => c.Summary, new CurrencySummary("USD", empty, Yesterday, Sums.Change(empty, Yesterday))));

        Assert.DoesNotContain("%", card.Find("[data-testid=card-spend]").TextContent, StringComparison.Ordinal);
        Assert.StartsWith("No numbers for this day yet", card.Find("[data-testid=dashboard-day-note]").TextContent.Trim(), StringComparison.Ordinal);
    }
}
