namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>What metrics and levels are called in each language, and which way is good for a metric.</summary>
internal static class Names
{
    public static readonly string[] AllMetrics = ["spend", "impressions", "clicks", "conversions", "revenue", "ctr", "cpc", "cpa", "roas", "cvr"];

    public static bool LowerIsBetter(string metric) => metric is "cpa" or "cpc";

    public static string Metric(string metric, bool zh) => (metric, zh) switch
    {
        ("spend", false) => "Spend", ("spend", true) => "花费",
        ("impressions", false) => "Impressions", ("impressions", true) => "展示",
        ("clicks", false) => "Clicks", ("clicks", true) => "点击",
        ("conversions", false) => "Conversions", ("conversions", true) => "转化",
        ("revenue", false) => "Revenue", ("revenue", true) => "收入",
        ("ctr", false) => "CTR", ("ctr", true) => "点击率",
        ("cpc", false) => "CPC", ("cpc", true) => "单次点击成本",
        ("cpa", false) => "CPA", ("cpa", true) => "转化成本 (CPA)",
        ("roas", false) => "ROAS", ("roas", true) => "ROAS",
        ("cvr", false) => "Conversion rate", ("cvr", true) => "转化率",
        _ => metric,
    };

    public static string Level(string level, bool zh, bool plural = false) => (level, zh) switch
    {
        ("ad_account", false) => plural ? "ad accounts" : "ad account", ("ad_account", true) => "广告账户",
        ("ad_set", false) => plural ? "ad sets" : "ad set", ("ad_set", true) => "广告组",
        ("ad", false) => plural ? "ads" : "ad", ("ad", true) => "广告",
        (_, false) => plural ? "campaigns" : "campaign", (_, true) => "广告系列",
    };
}
