using System.Net;
using AdPilot.Core.Email;

namespace AdPilot.Core.Notifications;

/// <summary>The e-mail for a notification, HTML and text, in the user's language (en, zh-CN).</summary>
public static class NotificationEmail
{
    private sealed record Frame(string Urgent, string Important, string General, string Open, string Settings, string Footer);

    private static readonly Dictionary<string, Frame> Frames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = new("Urgent", "Important", "Notice", "Open in AdPilot", "Notification settings",
            "You receive this e-mail because of your AdPilot notification settings. Urgent notifications are always sent."),
        ["zh-CN"] = new("紧急", "重要", "通知", "在 AdPilot 中打开", "通知设置",
            "您收到此邮件是因为您的 AdPilot 通知设置。紧急通知始终会发送。"),
    };

    public static EmailMessage Render(Notification notification, string to, string language, string linkBaseUrl)
    {
        var frame = Frames.GetValueOrDefault(language) ?? Frames["en"];
        var label = notification.Type switch
        {
            NotificationType.Urgent => frame.Urgent,
            NotificationType.Important => frame.Important,
            _ => frame.General,
        };
        var baseUrl = linkBaseUrl.TrimEnd('/');
        var link = notification.Link switch
        {
            null or "" => baseUrl + "/notifications",
            var l when l.StartsWith('/') => baseUrl + l,
            var l => l,
        };
        var settings = baseUrl + "/settings?tab=notifications";
        var subject = $"[{label}] {notification.Title}";
        var accent = notification.Type switch
        {
            NotificationType.Urgent => "#d32f2f",
            NotificationType.Important => "#ed6c02",
            _ => "#2e7d32",
        };

        string E(string s) => WebUtility.HtmlEncode(s);
        var html = $"""
            <!DOCTYPE html>
            <html lang="{E(language)}"><head><meta charset="utf-8"><title>{E(subject)}</title></head>
            <body style="margin:0;padding:24px;background:#f5f6fa;font-family:Arial,Helvetica,sans-serif;color:#1f2430">
              <table role="presentation" width="100%" style="max-width:560px;margin:0 auto;background:#fff;border-radius:8px;border-top:4px solid {accent}">
                <tr><td style="padding:24px">
                  <p style="margin:0 0 8px;font-size:12px;letter-spacing:.08em;text-transform:uppercase;color:{accent}">{E(label)}</p>
                  <h1 style="margin:0 0 12px;font-size:20px">{E(notification.Title)}</h1>
                  <p style="margin:0 0 20px;line-height:1.5;white-space:pre-line">{E(notification.Body)}</p>
                  <a href="{E(link)}" style="display:inline-block;padding:10px 18px;background:#3f51b5;color:#fff;text-decoration:none;border-radius:4px">{E(frame.Open)}</a>
                </td></tr>
                <tr><td style="padding:16px 24px;border-top:1px solid #eee;font-size:12px;color:#6b7280">
                  {E(frame.Footer)} <a href="{E(settings)}" style="color:#3f51b5">{E(frame.Settings)}</a>
                </td></tr>
              </table>
            </body></html>
            """;
        var text = $"""
            [{label}] {notification.Title}

            {notification.Body}

            {frame.Open}: {link}

            --
            {frame.Footer}
            {frame.Settings}: {settings}
            """;
        return new EmailMessage(to, subject, html, text, language);
    }
}
