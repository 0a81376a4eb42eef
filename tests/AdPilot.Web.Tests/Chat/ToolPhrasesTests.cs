using System.Globalization;
using System.Text.Json.Nodes;
using AdPilot.Web.Features.Chat;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace AdPilot.Web.Tests.Chat;

/// <summary>Tool calls in words, in both languages, for the chat's tool cards.</summary>
public sealed class ToolPhrasesTests
{
    private static readonly IStringLocalizer L = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources")
        .BuildServiceProvider().GetRequiredService<IStringLocalizer<AdPilot.Web.SharedResource>>();

    [Theory]
    [InlineData("get_breakdown", """{"sort":"spend","level":"campaign"}""", "Spend by campaign, last 7 days")]
    [InlineData("get_breakdown", """{"sort":"cpa","ad_account_id":3,"from":"2025-05-01","to":"2025-05-07","descending":true,"limit":5}""",
        "CPA by campaign, May 1 – May 7, ad account 3, top 5")]
    [InlineData("get_breakdown", """{"campaign_id":12,"sort":"roas","descending":false}""", "ROAS by ad set, last 7 days, campaign 12, lowest first")]
    [InlineData("get_metrics", """{"to":"2025-05-07","granularity":"week","currency":"usd"}""", "Metrics over time, 7 days to May 7, by week, USD only")]
    [InlineData("get_reports", "{}", "Performance summary, last 7 days")]
    [InlineData("analyze_performance", "{}", "Performance analysis, last week")]
    [InlineData("get_campaigns", """{"status":"paused","search":"Spring","cursor":"abc"}""", "Campaigns, status Paused, matching “Spring”")]
    [InlineData("pause_campaign", """{"campaign_id":12,"dry_run":true}""", "Pause campaign 12")]
    [InlineData("update_ad_set", """{"ad_set_id":7,"budget":40}""", "Change ad set 7, budget: 40")]
    [InlineData("list_ad_accounts", "{}", "Ad accounts")]
    [InlineData("fetch_landing_page", """{"url":"https://example.com/a","max_bytes":1000}""", "Fetch landing page (url: https://example.com/a, max bytes: 1000)")]
    [InlineData("get_everything", "{}", "Get everything")]
    public void Describe_English(string tool, string input, string expected) =>
        Assert.Equal(expected, InCulture("en-US", () => ToolPhrases.Describe(tool, JsonNode.Parse(input)!.AsObject(), L)));

    [Theory]
    [InlineData("get_breakdown", """{"sort":"spend","level":"campaign"}""", "按广告系列的花费, 最近 7 天")]
    [InlineData("pause_ad", """{"ad_id":5}""", "暂停广告 5")]
    public void Describe_Chinese(string tool, string input, string expected) =>
        Assert.Equal(expected, InCulture("zh-CN", () => ToolPhrases.Describe(tool, JsonNode.Parse(input)!.AsObject(), L)));

    [Fact]
    public void Describe_LongValues_AreShortened()
    {
        var text = InCulture("en-US", () => ToolPhrases.Describe("some_tool", new JsonObject { ["note"] = new string('x', 100) }, L));

        Assert.Equal("Some tool (note: " + new string('x', 39) + "…)", text);
    }

    private static string InCulture(string culture, Func<string> work)
    {
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return work();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previous, previousUi);
        }
    }
}
