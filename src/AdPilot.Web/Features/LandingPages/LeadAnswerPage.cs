using System.Globalization;
using System.Net;
using System.Text;
using AdPilot.Core.Common;
using AdPilot.Core.LandingPages;

namespace AdPilot.Web.Features.LandingPages;

/// <summary>
/// The small, self-contained page a lead form post without script gets back: in the page's language, a link back to the
/// page, no script, every value HTML-encoded.
/// </summary>
internal static class LeadAnswerPage
{
    private static readonly Texts En = new("en", "Thank you", "Thank you! We will be in touch soon.", "Please check the form", "Back to the page",
        "Too many submissions", "Too many forms were sent from this address. Try again in {0} seconds.", "Page not found", "This page is not published.");

    private static readonly Texts ZhCn = new("zh-CN", "谢谢", "谢谢！我们会尽快与您联系。", "请检查表单", "返回页面",
        "提交过于频繁", "此地址提交的表单过多，请在 {0} 秒后重试。", "页面不存在", "此页面未发布。");

    public static string SuccessMessage(LeadFormView? page) => page?.SuccessMessage ?? TextsOf(page).Thanks;

    public static IResult Thanks(LeadFormView? page, string message) => Page(StatusCodes.Status200OK, page, TextsOf(page).ThanksTitle, [message]);

    public static IResult Invalid(LeadFormView? page, ValidationFailedException invalid) =>
        Page(StatusCodes.Status400BadRequest, page, TextsOf(page).InvalidTitle, [invalid.Message, .. invalid.Errors.Values.SelectMany(m => m)]);

    public static IResult TooMany(LeadFormView? page, int seconds) =>
        Page(StatusCodes.Status429TooManyRequests, page, TextsOf(page).TooManyTitle, [string.Format(CultureInfo.InvariantCulture, TextsOf(page).TooMany, seconds)]);

    public static IResult NotFound() => Page(StatusCodes.Status404NotFound, null, En.NotFoundTitle, [En.NotFound]);

    private static Texts TextsOf(LeadFormView? page) => page?.Language == "zh-CN" ? ZhCn : En;

    private static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult Page(int status, LeadFormView? page, string title, IEnumerable<string> lines)
    {
        var texts = TextsOf(page);
        var html = new StringBuilder()
            .Append("<!doctype html><html lang=\"").Append(texts.Lang).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><meta name=\"robots\" content=\"noindex\">")
            .Append("<title>").Append(Encode(title)).Append("</title>")
            .Append("<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:15vh auto;padding:0 1.5rem;color:#1f2937;line-height:1.5}")
            .Append("h1{font-size:1.6rem}a{color:#1e88e5}</style></head><body><main><h1>").Append(Encode(title)).Append("</h1>");
        foreach (var line in lines)
        {
            html.Append("<p>").Append(Encode(line)).Append("</p>");
        }

        if (page is not null && SafeLink(page.PageUrl) is { } link)
        {
            html.Append("<p><a href=\"").Append(Encode(link)).Append("\">").Append(Encode(texts.Back)).Append("</a></p>");
        }

        html.Append("</main></body></html>");
        return TypedResults.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>Only an http(s) URL or a path on this host becomes a link.</summary>
    private static string? SafeLink(string url) =>
        (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
        || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https") ? url : null;

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private sealed record Texts(
        string Lang, string ThanksTitle, string Thanks, string InvalidTitle, string Back, string TooManyTitle, string TooMany, string NotFoundTitle, string NotFound);
}
