using System.Globalization;

namespace AdPilot.Core.Automation;

/// <summary>The notifications rules raise, in the user's language (en, zh-CN).</summary>
internal static class RuleTexts
{
    private static readonly Dictionary<string, (string Title, string Body)> En = new()
    {
        ["matched"] = ("Rule \"{0}\" matched {1}", "{2}"),
        ["stopped"] = ("Rule \"{0}\" turned itself off", "The ad platform refused {1} actions in a row, so the rule stopped acting: {2} Fix the cause, then turn the rule on again."),
    };

    private static readonly Dictionary<string, (string Title, string Body)> ZhCn = new()
    {
        ["matched"] = ("规则“{0}”匹配了 {1} 项", "{2}"),
        ["stopped"] = ("规则“{0}”已自动停用", "广告平台连续 {1} 次拒绝了操作，规则已停止执行：{2} 请排除原因后重新启用该规则。"),
    };

    public static (string Title, string Body) For(string key, string language, params object[] args)
    {
        var (title, body) = (language == "zh-CN" ? ZhCn : En)[key];
        var culture = CultureInfo.GetCultureInfo(language == "zh-CN" ? "zh-CN" : "en-US");
        return (string.Format(culture, title, args), string.Format(culture, body, args));
    }
}
