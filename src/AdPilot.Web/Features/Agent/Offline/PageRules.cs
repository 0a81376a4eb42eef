namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>The landing-page rules of analyze_web_page (LandingPageScorer) by code: a name, and in Chinese what to do.</summary>
internal static class PageRules
{
    private static readonly Dictionary<string, (string En, string Zh, string Fix)> Rules = new()
    {
        ["headline"] = ("Headline", "H1 标题", "使用一个清晰的 H1 标题（3 到 90 个字符）。"),
        ["title"] = ("Page title", "页面标题", "页面标题保持在 10 到 70 个字符。"),
        ["description"] = ("Meta description", "Meta 描述", "添加 50 到 160 个字符的 meta 描述。"),
        ["cta"] = ("Call to action", "行动按钮", "添加明确的行动按钮，例如「立即购买」「免费试用」。"),
        ["cta_above_fold"] = ("Call to action above the fold", "首屏行动按钮", "把行动按钮放在首屏（页面文字的前 100 个词以内）。"),
        ["mobile_viewport"] = ("Mobile viewport", "移动端适配", "添加 viewport 标签：width=device-width, initial-scale=1。"),
        ["https"] = ("HTTPS", "HTTPS", "启用 HTTPS，避免浏览器标记为「不安全」。"),
        ["speed"] = ("Speed", "加载速度", "加快服务器响应，让 HTML 在 1 秒内返回。"),
        ["weight"] = ("Page weight", "页面大小", "减小 HTML 体积，控制在 500 KB 以内。"),
        ["content"] = ("Copy", "文案", "补充介绍产品和优惠的文案（至少 150 个词）。"),
        ["social_preview"] = ("Social preview", "分享预览", "添加 og:title 和 og:image，让分享链接显示预览。"),
    };

    public static string Label(OfflineTurn turn, string code) => Rules.TryGetValue(code, out var rule) ? turn.T(rule.En, rule.Zh) : code;

    public static string Fix(string code) => Rules.TryGetValue(code, out var rule) ? rule.Fix : code;
}
