using AdPilot.Core.Reports;
using AdPilot.Web.Features.Agent;
using Microsoft.Extensions.AI;
using static AdPilot.Web.Tests.Agent.Offline.OfflineResults;

namespace AdPilot.Web.Tests.Agent.Offline;

/// <summary>Whole turns with canned tool results: ranking to proposals, name lookup to budget changes, a why question, a trend.</summary>
public sealed class OfflineRoundsTests
{
    [Fact]
    public async Task PauseThreeWorstAdSetsOnMeta_RanksTheBreakdown_AndProposesThreePauses()
    {
        var agent = new OfflineHarness();
        await agent.AskAsync("pause the three worst ad sets on Meta");

        var second = await agent.ReplyAsync(_ => Breakdown("ad_set",
            Row("ad_set", 204, "Website visitors", 90m, 9), Row("ad_set", 203, "Interests", 100m, 5), Row("ad_set", 202, "Lookalike 1%", 200m, 4),
            Row("ad_set", 201, "Broad 25-44", 300m, 0), Row("ad_set", 205, "Old test", 500m, 0, status: "paused"), Row("ad_set", 206, "Never ran", 0m, 0, impressions: 0, clicks: 0)));

        Assert.Equal(["pause_ad_set(ad_set_id=201)", "pause_ad_set(ad_set_id=202)", "pause_ad_set(ad_set_id=203)"], OfflineHarness.Calls(second).Select(OfflineHarness.Key));
        var final = await agent.ReplyAsync(c => Proposed(c, $"Pause ad set {OfflineHarness.Arg(c, "ad_set_id")}"));
        Assert.Empty(OfflineHarness.Calls(final));
        Assert.Contains("I prepared 3 actions — review and apply them below", final.Text, StringComparison.Ordinal);
        Assert.Contains("Pause ad set \"Broad 25-44\"", final.Text, StringComparison.Ordinal);
        Assert.Contains("CPA $50.00", final.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Old test", final.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PauseByRule_ProposesOnlyTheActiveAdSetsOverTheThreshold_CountingSpendWithoutConversions()
    {
        var agent = new OfflineHarness();
        await agent.AskAsync("暂停CPA高于20的广告组");

        var second = await agent.ReplyAsync(_ => Breakdown("ad_set", Row("ad_set", 201, "Broad", 30m, 0), Row("ad_set", 202, "Lookalike", 100m, 4),
            Row("ad_set", 203, "Interests", 100m, 5), Row("ad_set", 204, "Cheap", 10m, 0)));

        Assert.Equal(["pause_ad_set(ad_set_id=201)", "pause_ad_set(ad_set_id=202)"], OfflineHarness.Calls(second).Select(OfflineHarness.Key));
        var final = await agent.ReplyAsync(c => Proposed(c, "Pause"));
        Assert.Contains("我准备了 2 个操作", final.Text, StringComparison.Ordinal);
        Assert.Contains("暂停广告组「Lookalike」", final.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoveTwentyPercent_LooksUpBothCampaigns_AndProposesTwoBudgets()
    {
        var agent = new OfflineHarness();
        var first = await agent.AskAsync("move 20% of budget from Campaign A to Campaign B");
        Assert.Equal(["get_campaigns(page_size=10, search=Campaign A)", "get_campaigns(page_size=10, search=Campaign B)"], OfflineHarness.Calls(first).Select(OfflineHarness.Key));

        var second = await agent.ReplyAsync(c => OfflineHarness.Arg(c, "search") == "Campaign A"
            ? CampaignPage(Campaign(501, "Campaign A", 150m), Campaign(509, "Campaign AB", 40m))
            : CampaignPage(Campaign(502, "Campaign B", 60m)));

        Assert.Equal(["update_campaign(budget=120, campaign_id=501)", "update_campaign(budget=90, campaign_id=502)"], OfflineHarness.Calls(second).Select(OfflineHarness.Key));
        var final = await agent.ReplyAsync(c => Proposed(c, "Update campaign"));
        Assert.Contains("Moving $30.00 (20% of its budget) from \"Campaign A\" to \"Campaign B\"", final.Text, StringComparison.Ordinal);
        Assert.Contains("Lower the daily budget of \"Campaign A\" from $150.00 to $120.00 (-20%)", final.Text, StringComparison.Ordinal);
        Assert.Contains("Raise the daily budget of \"Campaign B\" from $60.00 to $90.00 (+50%)", final.Text, StringComparison.Ordinal);
        Assert.Contains("I prepared 2 actions", final.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoveBudget_BetweenCurrencies_IsRefusedWithoutAProposal()
    {
        var agent = new OfflineHarness();
        await agent.AskAsync("move 20% of budget from Spring Sale 1 to Holiday Push 3");

        var second = await agent.ReplyAsync(c => OfflineHarness.Arg(c, "search") == "Spring Sale 1" ? CampaignPage(Campaign(501, "Spring Sale 1", 100m))
            : CampaignPage(Campaign(503, "Holiday Push 3", 50m, "EUR")));

        Assert.Empty(OfflineHarness.Calls(second));
        Assert.Contains("cannot move between currencies", second.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NameWithATypo_SearchFindsNothing_ThenTheFullListIsMatchedByEditDistance()
    {
        var agent = new OfflineHarness();
        var first = await agent.AskAsync("pause sprng sale 1");
        Assert.Equal(["get_campaigns(page_size=10, search=sprng sale 1)"], OfflineHarness.Calls(first).Select(OfflineHarness.Key));

        var second = await agent.ReplyAsync(_ => CampaignPage());
        Assert.Equal(["get_campaigns(page_size=100)"], OfflineHarness.Calls(second).Select(OfflineHarness.Key));
        var third = await agent.ReplyAsync(_ => CampaignPage(Campaign(501, "Spring Sale 1", 100m), Campaign(502, "Spring Sale 2", 100m), Campaign(503, "Holiday Push 3", 50m)));

        Assert.Equal(["pause_campaign(campaign_id=501)"], OfflineHarness.Calls(third).Select(OfflineHarness.Key));
    }

    [Fact]
    public async Task AmbiguousName_AsksWhichOne_AndChangesNothing()
    {
        var agent = new OfflineHarness();
        await agent.AskAsync("pause Spring Sale");

        var second = await agent.ReplyAsync(_ => CampaignPage(Campaign(501, "Spring Sale 1", 100m), Campaign(502, "Spring Sale 2", 100m)));

        Assert.Empty(OfflineHarness.Calls(second));
        Assert.Contains("\"Spring Sale 1\", \"Spring Sale 2\". Which one?", second.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HighestRoasCampaignBudgetUpTenPercent_Chinese_RanksReadsAndProposes()
    {
        var agent = new OfflineHarness();
        await agent.AskAsync("把ROAS最高的广告系列预算提高10%");

        var second = await agent.ReplyAsync(_ => Breakdown("campaign", Row("campaign", 501, "Spring Sale 1", 100m, 5, revenue: 200m),
            Row("campaign", 503, "Holiday Push 3", 100m, 5, revenue: 450m)));
        Assert.Equal(["get_campaign(campaign_id=503)"], OfflineHarness.Calls(second).Select(OfflineHarness.Key));
        var third = await agent.ReplyAsync(_ => Detail(Campaign(503, "Holiday Push 3", 80m)));
        Assert.Equal(["update_campaign(budget=88, campaign_id=503)"], OfflineHarness.Calls(third).Select(OfflineHarness.Key));
        var final = await agent.ReplyAsync(c => Proposed(c, "Update campaign"));

        Assert.Contains("「Holiday Push 3」的ROAS最高（4.50", final.Text, StringComparison.Ordinal);
        Assert.Contains("将「Holiday Push 3」的日预算从 $80.00 提高到 $88.00（+10%）", final.Text, StringComparison.Ordinal);
        Assert.Contains("我准备了 1 个操作", final.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BigBudgetRaise_SaysItNeedsConfirmation()
    {
        var agent = new OfflineHarness();
        await agent.AskAsync("double the budget of Spring Sale 1");
        var second = await agent.ReplyAsync(_ => CampaignPage(Campaign(501, "Spring Sale 1", 100m)));
        Assert.Equal(["update_campaign(budget=200, campaign_id=501)"], OfflineHarness.Calls(second).Select(OfflineHarness.Key));

        var final = await agent.ReplyAsync(c => Proposed(c, "Update campaign", "Raises the budget by more than 50 %."));

        Assert.Contains("needs your confirmation: Raises the budget by more than 50 %.", final.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("why did my CPA go up yesterday?", 1000, 100_000, 2000, 50, "The main reason: **Conversion rate** moved -50%")]
    [InlineData("why is cpa higher yesterday", 2000, 100_000, 2000, 100, "The main reason: **CPC** moved +100%")]
    [InlineData("为什么昨天CPA上升了？", 1000, 100_000, 2000, 50, "主要原因：**转化率**变化了 -50%")]
    public async Task WhyDidCpaGoUp_SplitsTheChange_AndNamesTheFactorThatMoved(string question, int spend, int impressions, int clicks, int conversions, string reason)
    {
        var agent = new OfflineHarness();
        var yesterday = new DateOnly(2026, 11, 17);
        await agent.AskAsync(question);

        var final = await agent.ReplyAsync(c => c.Name == "get_reports"
            ? Summary(yesterday, Totals(spend, impressions, clicks, conversions), Totals(1000m, 100_000, 2000, 100))
            : OfflineHarness.Arg(c, "from") == "2026-11-17"
                ? Breakdown("campaign", Row("campaign", 501, "Spring Sale 1", spend - 400m, conversions - 40), Row("campaign", 502, "Brand 2", 400m, 40))
                : Breakdown("campaign", Row("campaign", 501, "Spring Sale 1", 600m, 60), Row("campaign", 502, "Brand 2", 400m, 40)));

        Assert.Empty(OfflineHarness.Calls(final));
        Assert.Contains(reason, final.Text, StringComparison.Ordinal);
        Assert.Contains("**Spring Sale 1**", final.Text, StringComparison.Ordinal);
        var chart = Assert.Single(final.Messages.SelectMany(m => m.Contents).OfType<ChartContent>()).Chart;
        Assert.Equal("bar", chart.Kind);
        Assert.Equal(2, chart.X.Count);
    }

    [Fact]
    public async Task TrendQuestion_ComesBackWithALineChartAndATable()
    {
        var agent = new OfflineHarness();
        await agent.AskAsync("daily spend trend for the last 30 days");
        var days = Enumerable.Range(0, 30).Select(i => new DateOnly(2026, 10, 19).AddDays(i)).ToList();

        var final = await agent.ReplyAsync(_ => new MetricsReport(days[0], days[^1], ReportLevel.Account, ReportGranularity.Day,
        [
            new CurrencySeries("USD", [.. days.Select((d, i) => new SeriesPoint(d, 100m + i, 1000, 20, 2, 300m, 0.02m, 5m, 50m, 3m))]),
            new CurrencySeries("EUR", [.. days.Take(10).Select(d => new SeriesPoint(d, 10m, 100, 2, 0, 0m, 0.02m, 5m, null, 0m))]),
        ]));

        var contents = final.Messages.SelectMany(m => m.Contents).ToList();
        var chart = Assert.Single(contents.OfType<ChartContent>()).Chart;
        Assert.Equal(("line", 30, "2026-10-19"), (chart.Kind, chart.X.Count, chart.X[0]));
        Assert.Equal(["USD", "EUR"], chart.Series.Select(s => s.Name));
        Assert.Equal(129m, chart.Series[0].Values[^1]);
        Assert.Null(chart.Series[1].Values[^1]); // no EUR numbers that day: a gap, not a zero
        Assert.Equal(40, Assert.Single(contents.OfType<TableContent>()).Table.Rows.Count);
        Assert.Contains("highest on 2026-11-17 ($129.00)", final.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToolError_IsReportedWithItsMessage_NotGuessedAround()
    {
        var agent = new OfflineHarness();
        await agent.AskAsync("is my Meta token still valid?");

        var final = await agent.ReplyAsync(_ => System.Text.Json.Nodes.JsonNode.Parse("""{"error":{"code":"not_found","message":"AdAccount 11 was not found."}}""")!);

        Assert.Contains("AdAccount 11 was not found. (`not_found`)", final.Text, StringComparison.Ordinal);
    }
}
