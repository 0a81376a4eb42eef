using Microsoft.Extensions.AI;

namespace AdPilot.Web.Tests.Agent.Offline;

/// <summary>
/// The offline agent's first round for requests phrased freely, in English and Chinese, some with typos: the tool calls
/// it makes and their arguments (today is Wednesday 2026-11-18; "last 7 days" ends yesterday). An unknown request gets
/// the help answer and no call.
/// </summary>
public sealed class OfflineRequestTableTests
{
    private const string Last7 = "from=2026-11-11, to=2026-11-17";
    private const string Yesterday = "from=2026-11-17, to=2026-11-17";
    private const string LastWeek = "from=2026-11-09, to=2026-11-15";
    private const string ThisMonth = "from=2026-11-01, to=2026-11-18";
    private const string Last30 = "from=2026-10-19, to=2026-11-17";

    public static readonly TheoryData<string, string, string> Requests = new()
    {
        // Performance over a range.
        { "How did we do last week?", "", $"get_reports({LastWeek})" },
        { "how did we do last wek", "", $"get_reports({LastWeek})" },
        { "performance yesterday", "", $"get_reports({Yesterday})" },
        { "show me the numbers for yesterdy", "", $"get_reports({Yesterday})" },
        { "What was my spend in the last 30 days?", "", $"get_reports({Last30})" },
        { "roas this month", "", $"get_reports({ThisMonth})" },
        { "CPA from 2026-11-01 to 2026-11-15", "", "get_reports(from=2026-11-01, to=2026-11-15)" },
        { "How many conversions did we get on Nov 3?", "", "get_reports(from=2026-11-03, to=2026-11-03)" },
        { "spend on Meta yesterday", "", $"get_reports(ad_account_id=11, {Yesterday})" },
        { "impressions last month on google", "", "get_reports(ad_account_id=13, from=2026-10-01, to=2026-10-31)" },
        { "revenue since Nov 1", "", "get_reports(from=2026-11-01, to=2026-11-18)" },
        { "how are my campaigns doing", "", $"get_reports({Last7})" },
        { "how is this campaign doing", "campaign:501", $"get_reports(campaign_id=501, {Last7})" },
        { "How did Spring Sale 1 do last week?", "", "get_campaigns(page_size=10, search=Spring Sale 1)" },
        { "上周表现如何？", "", $"get_reports({LastWeek})" },
        { "过去7天的花费是多少", "", $"get_reports({Last7})" },
        { "昨天的转化成本", "", $"get_reports({Yesterday})" },
        { "本月ROAS", "", $"get_reports({ThisMonth})" },
        { "11月1日到11月15日的数据", "", "get_reports(from=2026-11-01, to=2026-11-15)" },
        { "抖音账户过去14天的点击率", "", "get_reports(ad_account_id=12, from=2026-11-04, to=2026-11-17)" },

        // Trends.
        { "daily spend trend for the last 30 days", "", $"get_metrics({Last30}, granularity=day)" },
        { "show me a chart of ROAS over time", "", $"get_metrics({Last30}, granularity=day)" },
        { "weekly conversions this year", "", "get_metrics(from=2026-01-01, granularity=week, to=2026-11-18)" },
        { "过去30天每天的花费趋势", "", $"get_metrics({Last30}, granularity=day)" },
        { "按周看本月的点击", "", $"get_metrics({ThisMonth}, granularity=week)" },

        // Top and bottom N by any metric at any level.
        { "top 5 campaigns by ROAS last week", "", $"get_breakdown(descending=true, {LastWeek}, level=campaign, limit=5, sort=roas)" },
        { "worst ad sets by CPA", "", $"get_breakdown(descending=true, {Last7}, level=ad_set, limit=100, sort=cpa)" },
        { "which campaign spent the most yesterday", "", $"get_breakdown(descending=true, {Yesterday}, level=campaign, limit=1, sort=spend)" },
        { "bottom 3 ads by ctr", "", $"get_breakdown(descending=false, {Last7}, level=ad, limit=3, sort=ctr)" },
        { "best accounts by roas this month", "", $"get_breakdown(descending=true, {ThisMonth}, level=ad_account, limit=100, sort=roas)" },
        { "lowest cpc campaigns", "", $"get_breakdown(descending=false, {Last7}, level=campaign, limit=100, sort=cpc)" },
        { "top 10 ads by conversion rate", "", $"get_breakdown(descending=true, {Last7}, level=ad, limit=10, sort=cvr)" },
        { "rank campaigns by revenue", "", $"get_breakdown(descending=true, {Last7}, level=campaign, limit=5, sort=revenue)" },
        { "top campains by spend on tiktok", "", $"get_breakdown(ad_account_id=12, descending=true, {Last7}, level=campaign, limit=5, sort=spend)" },
        { "top ad sets in this campaign by clicks", "campaign:501", $"get_breakdown(campaign_id=501, descending=true, {Last7}, level=ad_set, limit=5, sort=clicks)" },
        { "本月ROAS最高的5个广告系列", "", $"get_breakdown(descending=true, {ThisMonth}, level=campaign, limit=5, sort=roas)" },
        { "过去7天转化最多的广告组", "", $"get_breakdown(descending=true, {Last7}, level=ad_set, limit=1, sort=conversions)" },
        { "点击率最低的3个广告", "", $"get_breakdown(descending=false, {Last7}, level=ad, limit=3, sort=ctr)" },
        { "花费前5名的广告系列", "", $"get_breakdown(descending=true, {Last7}, level=campaign, limit=5, sort=spend)" },
        { "which campaigns have a CPA above 30?", "", $"get_breakdown(descending=true, {Last7}, level=campaign, limit=100, sort=cpa)" },
        { "广告组CPA超过50的有哪些", "", $"get_breakdown(descending=true, {Last7}, level=ad_set, limit=100, sort=cpa)" },
        { "昨天哪个广告系列花得最多", "", $"get_breakdown(descending=true, {Yesterday}, level=campaign, limit=1, sort=spend)" },

        // Comparisons between periods.
        { "compare this week with last week", "", $"get_reports(from=2026-11-16, to=2026-11-18) ; get_reports({LastWeek})" },
        { "compare last week with the week before", "", $"get_reports({LastWeek})" },
        { "last 7 days vs previous 7 days", "", $"get_reports({Last7})" },
        { "spend last month vs this month", "", $"get_reports(from=2026-10-01, to=2026-10-31) ; get_reports({ThisMonth})" },
        { "week over week performance", "", $"get_reports({Last7})" },
        { "本周和上周对比", "", $"get_reports(from=2026-11-16, to=2026-11-18) ; get_reports({LastWeek})" },

        // Comparisons between campaigns.
        { "compare Spring Sale 1 and Holiday Push 3", "", "get_campaigns(page_size=10, search=Spring Sale 1) ; get_campaigns(page_size=10, search=Holiday Push 3)" },
        { "Spring Sale 1 vs Retargeting 2 last month", "", "get_campaigns(page_size=10, search=Spring Sale 1) ; get_campaigns(page_size=10, search=Retargeting 2)" },
        { "对比 Spring Sale 1 和 Holiday Push 3 的表现", "", "get_campaigns(page_size=10, search=Spring Sale 1) ; get_campaigns(page_size=10, search=Holiday Push 3)" },
        { "Spring Sale 1 和 Holiday Push 3 哪个更好", "", "get_campaigns(page_size=10, search=Spring Sale 1) ; get_campaigns(page_size=10, search=Holiday Push 3)" },

        // Why a metric changed: both periods' totals and campaign breakdowns.
        { "why did my CPA go up yesterday?", "", $"get_reports({Yesterday}) ; get_breakdown(descending=true, {Yesterday}, level=campaign, limit=100, sort=spend) ; " +
            "get_breakdown(descending=true, from=2026-11-16, level=campaign, limit=100, sort=spend, to=2026-11-16)" },
        { "为什么上周ROAS下降了", "", $"get_reports({LastWeek}) ; get_breakdown(descending=true, {LastWeek}, level=campaign, limit=100, sort=spend) ; " +
            "get_breakdown(descending=true, from=2026-11-02, level=campaign, limit=100, sort=spend, to=2026-11-08)" },
        { "为什么昨天CPA上升了？", "", $"get_reports({Yesterday}) ; get_breakdown(descending=true, {Yesterday}, level=campaign, limit=100, sort=spend) ; " +
            "get_breakdown(descending=true, from=2026-11-16, level=campaign, limit=100, sort=spend, to=2026-11-16)" },
        { "why did roas drop last week", "", $"get_reports({LastWeek}) ; get_breakdown(descending=true, {LastWeek}, level=campaign, limit=100, sort=spend) ; " +
            "get_breakdown(descending=true, from=2026-11-02, level=campaign, limit=100, sort=spend, to=2026-11-08)" },

        // Pause and resume by name, by the page, by rule, by rank.
        { "pause Spring Sale 1", "", "get_campaigns(page_size=10, search=Spring Sale 1)" },
        { "pasue the campain Spring Sale 1 please", "", "get_campaigns(page_size=10, search=Spring Sale 1)" },
        { "暂停 Spring Sale 1", "", "get_campaigns(page_size=10, search=Spring Sale 1)" },
        { "暂停春季促销", "", "get_campaigns(page_size=10, search=春季促销)" },
        { "resume Holiday Push 3", "", "get_campaigns(page_size=10, search=Holiday Push 3)" },
        { "turn on Holiday Push 3", "", "get_campaigns(page_size=10, search=Holiday Push 3)" },
        { "pause ad set Lookalike 1%", "", $"get_breakdown(descending=false, {Last7}, level=ad_set, limit=100, sort=name)" },
        { "pause this", "ad_set:701", "pause_ad_set(ad_set_id=701)" },
        { "暂停这个广告系列", "campaign:501", "pause_campaign(campaign_id=501)" },
        { "pause ad sets with CPA over 20", "", $"get_breakdown(descending=true, {Last7}, level=ad_set, limit=100, sort=cpa)" },
        { "pause all campaigns where ROAS is below 1.5 last week", "", $"get_breakdown(descending=false, {LastWeek}, level=campaign, limit=100, sort=roas)" },
        { "pause ads with ctr under 0.5%", "", $"get_breakdown(descending=false, {Last7}, level=ad, limit=100, sort=ctr)" },
        { "pause ad sets that spent over 100 with no conversions", "", $"get_breakdown(descending=true, {Last7}, level=ad_set, limit=100, sort=spend)" },
        { "pause the three worst ad sets on Meta", "", $"get_breakdown(ad_account_id=11, descending=true, {Last7}, level=ad_set, limit=100, sort=cpa)" },
        { "暂停CPA高于20的广告组", "", $"get_breakdown(descending=true, {Last7}, level=ad_set, limit=100, sort=cpa)" },
        { "暂停Meta上最差的三个广告组", "", $"get_breakdown(ad_account_id=11, descending=true, {Last7}, level=ad_set, limit=100, sort=cpa)" },
        { "resume ad sets with roas above 3", "", $"get_breakdown(descending=true, {Last7}, level=ad_set, limit=100, sort=roas)" },

        // Budgets by name, by rank, on the page; moving budget between two campaigns.
        { "raise budget of Spring Sale 1 by 20%", "", "get_campaigns(page_size=10, search=Spring Sale 1)" },
        { "set Spring Sale 1's daily budget to 50", "", "get_campaigns(page_size=10, search=Spring Sale 1)" },
        { "increase the budget for Holiday Push 3 by $30", "", "get_campaigns(page_size=10, search=Holiday Push 3)" },
        { "raise the budgt of Spring Sale 1 to 80", "", "get_campaigns(page_size=10, search=Spring Sale 1)" },
        { "把 Spring Sale 1 的预算提高20%", "", "get_campaigns(page_size=10, search=Spring Sale 1)" },
        { "把 Spring Sale 1 的预算降低一半", "", "get_campaigns(page_size=10, search=Spring Sale 1)" },
        { "把ROAS最高的广告系列预算提高10%", "", $"get_breakdown(descending=true, {Last7}, level=campaign, limit=100, sort=roas)" },
        { "lower the budget of the worst campaign by cpa by 25%", "", $"get_breakdown(descending=true, {Last7}, level=campaign, limit=100, sort=cpa)" },
        { "double the budget of this campaign", "campaign:501", "get_campaign(campaign_id=501)" },
        { "move 20% of budget from Spring Sale 1 to Holiday Push 3", "", "get_campaigns(page_size=10, search=Spring Sale 1) ; get_campaigns(page_size=10, search=Holiday Push 3)" },
        { "shift $50 of budget from Spring Sale 1 to Holiday Push 3", "", "get_campaigns(page_size=10, search=Spring Sale 1) ; get_campaigns(page_size=10, search=Holiday Push 3)" },
        { "move 20 % of budget from Campaign A to Campaign B", "", "get_campaigns(page_size=10, search=Campaign A) ; get_campaigns(page_size=10, search=Campaign B)" },
        { "把 Spring Sale 1 的20%预算转到 Holiday Push 3", "", "get_campaigns(page_size=10, search=Spring Sale 1) ; get_campaigns(page_size=10, search=Holiday Push 3)" },

        // Credits, notifications, tokens, accounts, creatives, lists, analysis.
        { "what's my credit balance", "", "get_credit_balance()" },
        { "how many credits do I have left", "", "get_credit_balance()" },
        { "积分余额", "", "get_credit_balance()" },
        { "credit history", "", "get_credit_history(page_size=10)" },
        { "show my credit usage last month", "", "get_credit_history(from=2026-10-01, page_size=100, to=2026-10-31)" },
        { "积分记录", "", "get_credit_history(page_size=10)" },
        { "any new notifications?", "", "get_notifications(is_read=false, page_size=10)" },
        { "show my notifcations", "", "get_notifications(page_size=10)" },
        { "how many unread notifications do I have", "", "get_unread_count()" },
        { "未读通知有几条", "", "get_unread_count()" },
        { "is my Meta token still valid?", "", "get_ad_account_token(ad_account_id=11)" },
        { "check the authorization of my ad accounts", "", "list_ad_accounts()" },
        { "我的抖音账户授权过期了吗", "", "get_ad_account_token(ad_account_id=12)" },
        { "list my ad accounts", "", "list_ad_accounts()" },
        { "rank my creatives", "", "get_creatives(page_size=10, sort=score)" },
        { "top 3 creatives", "", "get_creatives(page_size=3, sort=score)" },
        { "最好的素材", "", "get_creatives(page_size=10, sort=score)" },
        { "show paused campaigns", "", "get_campaigns(page_size=25, status=paused)" },
        { "analyze my account performance", "", "analyze_performance(to=2026-11-17)" },

        // Attachments (docs/decisions/030): an uploaded image is read with get_creative, a link (attached or typed) with analyze_web_page.
        { "score this creative", "image:12", "get_creative(creative_id=12)" },
        { "how good is this image?", "image:12", "get_creative(creative_id=12)" },
        { "rate these", "image:12 image:14", "get_creative(creative_id=12) ; get_creative(creative_id=14)" },
        { "给这个素材打分", "image:12", "get_creative(creative_id=12)" },
        { "这张图片怎么样", "image:12", "get_creative(creative_id=12)" },
        { "summarise this page", "link:https://shop.example.com/spring", "analyze_web_page(url=https://shop.example.com/spring)" },
        { "score this landing page", "link:https://shop.example.com/spring", "analyze_web_page(url=https://shop.example.com/spring)" },
        { "分析这个落地页", "link:https://shop.example.com/spring", "analyze_web_page(url=https://shop.example.com/spring)" },
        { "what do you think of https://rival.example.com/ads/pause-2026-11-01?", "", "analyze_web_page(url=https://rival.example.com/ads/pause-2026-11-01)" },
        { "总结一下 https://shop.example.com/landing?utm=1，给个评分", "", "analyze_web_page(url=https://shop.example.com/landing?utm=1)" },
        { "compare my image with this page", "image:12 link:https://shop.example.com/", "get_creative(creative_id=12) ; analyze_web_page(url=https://shop.example.com/)" },
        { "pause Spring Sale 1", "image:12", "get_campaigns(page_size=10, search=Spring Sale 1)" },

        // Not understood: the help answer, no call.
        { "tell me a joke", "", "" },
        { "what's the weather in Paris", "", "" },
        { "你好", "", "" },
        { "天气怎么样", "", "" },
        { "asdfgh qwerty", "", "" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task FirstRound_Request_CallsTheExpectedTools(string request, string page, string expected)
    {
        var agent = new OfflineHarness();

        var response = await agent.AskAsync(request, OfflineHarness.Page(page), OfflineHarness.Attached(page));

        var calls = OfflineHarness.Calls(response).Select(OfflineHarness.Key).ToList();
        Assert.Equal(expected.Length == 0 ? [] : expected.Split(" ; ").Select(Sorted), calls);
        if (expected.Length == 0)
        {
            Assert.Contains(request.Any(c => c >= '\u4e00' && c <= '\u9fff') ? "我能做的事" : "here is what I can do", response.Text, StringComparison.Ordinal);
            Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        }
        else
        {
            Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
            Assert.Equal([.. Enumerable.Range(1, calls.Count).Select(i => $"call_{i}")], OfflineHarness.Calls(response).Select(c => c.CallId));
        }
    }

    [Fact]
    public void Requests_AreAtLeastSixty_InBothLanguages() =>
        Assert.True(Requests.Count >= 60 && Requests.Count(r => ((string)r[0]).Any(c => c >= '\u4e00' && c <= '\u9fff')) >= 20, $"{Requests.Count} requests");

    /// <summary>The table lists arguments in any order; a call's key has them sorted.</summary>
    private static string Sorted(string call)
    {
        var open = call.IndexOf('(', StringComparison.Ordinal);
        var arguments = call[(open + 1)..^1].Split(", ", StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal);
        return $"{call[..open]}({string.Join(", ", arguments)})";
    }
}
