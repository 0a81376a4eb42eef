using System.Globalization;

namespace AdPilot.Core.Notifications;

/// <summary>Titles and bodies of the notifications AdPilot raises itself, in the user's language (en, zh-CN).</summary>
public static class NotificationTexts
{
    private static readonly Dictionary<string, (string Title, string Body)> En = new()
    {
        ["credit_low"] = ("Your credit balance is low", "You have {0} credits left, below your alert level of {1}. Top up to keep the AI agent working."),
        ["credit_critical"] = ("Your credit balance is almost empty", "Only {0} credits are left (below {1}). AI requests will stop when the balance runs out. Top up now."),
        ["token_expired"] = ("Re-authorise your {0} account", "AdPilot can no longer reach the ad account \"{1}\": {2} Open Ad accounts and choose Re-authorise."),
        ["sync_failed"] = ("{0} could not be synced", "The platform refused the change: {1} Open it to fix and retry."),
        ["lead_received"] = ("New lead from {0}", "Someone filled in the form on your landing page \"{0}\". Open the page to see the lead."),
        ["ad_rejected"] = ("Ad \"{0}\" was rejected", "The platform rejected the ad: {1} Open it to change the ad and submit it again."),
    };

    private static readonly Dictionary<string, (string Title, string Body)> ZhCn = new()
    {
        ["credit_low"] = ("积分余额不足", "您还剩 {0} 积分，低于提醒值 {1}。请充值以便 AI 助手继续工作。"),
        ["credit_critical"] = ("积分即将用完", "仅剩 {0} 积分（低于 {1}）。余额用完后 AI 请求将停止，请立即充值。"),
        ["token_expired"] = ("请重新授权您的 {0} 账户", "AdPilot 无法再访问广告账户“{1}”：{2} 请打开“广告账户”并选择“重新授权”。"),
        ["sync_failed"] = ("{0} 同步失败", "平台拒绝了此更改：{1} 请打开它修正后重试。"),
        ["lead_received"] = ("{0} 有新线索", "有人填写了您的落地页“{0}”上的表单。打开该页面查看线索。"),
        ["ad_rejected"] = ("广告“{0}”未通过审核", "平台拒绝了该广告：{1} 请打开它修改广告后重新提交。"),
    };

    public static (string Title, string Body) For(string key, string language, params object[] args)
    {
        var table = language == "zh-CN" ? ZhCn : En;
        var (title, body) = table[key];
        var culture = CultureInfo.GetCultureInfo(language == "zh-CN" ? "zh-CN" : "en-US");
        return (string.Format(culture, title, args), string.Format(culture, body, args));
    }
}
