using System.Net;
using AdPilot.Core.Email;

namespace AdPilot.Core.AccountDeletion;

/// <summary>The confirmation that the account is gone, in the user's language (en, zh-CN), rendered before the row goes.</summary>
internal static class AccountDeletedEmail
{
    private sealed record Texts(string Subject, string Body, string Kept);

    private static readonly Dictionary<string, Texts> ByLanguage = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = new(
            "Your AdPilot account has been deleted",
            "Your AdPilot account and its data (ad accounts, campaigns, creatives, landing pages, reports, notifications and conversations) have been deleted, and every sign-in has been ended. Stored files are removed within minutes.",
            "Credit ledger entries and payment records are kept for 10 years as tax and accounting law requires, anonymised: they no longer name you. If you sign in again, you start a new, empty account."),
        ["zh-CN"] = new(
            "您的 AdPilot 账户已删除",
            "您的 AdPilot 账户及其数据（广告账户、广告系列、素材、落地页、报表、通知和对话）已被删除，所有登录均已结束。存储的文件将在几分钟内移除。",
            "按照税务和会计法规，积分流水和付款记录会以匿名方式保留 10 年，不再与您关联。如果您再次登录，将开始一个全新的空账户。"),
    };

    public static EmailMessage Render(string to, string language)
    {
        var texts = ByLanguage.GetValueOrDefault(language) ?? ByLanguage["en"];
        string E(string s) => WebUtility.HtmlEncode(s);
        var html = $"""
            <!DOCTYPE html>
            <html lang="{E(language)}"><head><meta charset="utf-8"><title>{E(texts.Subject)}</title></head>
            <body style="margin:0;padding:24px;background:#f5f6fa;font-family:Arial,Helvetica,sans-serif;color:#1f2430">
              <table role="presentation" width="100%" style="max-width:560px;margin:0 auto;background:#fff;border-radius:8px;border-top:4px solid #3f51b5">
                <tr><td style="padding:24px">
                  <h1 style="margin:0 0 12px;font-size:20px">{E(texts.Subject)}</h1>
                  <p style="margin:0 0 12px;line-height:1.5">{E(texts.Body)}</p>
                  <p style="margin:0;line-height:1.5;color:#6b7280">{E(texts.Kept)}</p>
                </td></tr>
              </table>
            </body></html>
            """;
        var text = $"""
            {texts.Subject}

            {texts.Body}

            {texts.Kept}
            """;
        return new EmailMessage(to, texts.Subject, html, text, language);
    }
}
